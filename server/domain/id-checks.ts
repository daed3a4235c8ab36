import { tokyoDate } from './time.js';

/**
 * How many days before an ID check runs out it counts as "expiring": the console colours it,
 * the dashboard lists it for a re-check, and the list filter `expiring` selects it.
 */
export const ID_CHECK_WARNING_DAYS = 60;

/**
 * A volunteer's ID check as staff see it on a given day, from `id_check_valid_until` (the
 * validity of their most recent check if it passed, else none):
 * - `valid`: valid today and beyond the warning window;
 * - `expiring`: valid today, ending within the warning window;
 * - `expired`: had a check that has run out;
 * - `none`: never had a valid one (never checked, or the most recent check failed).
 */
export const ID_CHECK_STATES = ['valid', 'expiring', 'expired', 'none'] as const;
export type IdCheckState = (typeof ID_CHECK_STATES)[number];

/** The calendar date in Japan `days` after `now` (negative: before). */
export function tokyoDateInDays(days: number, now = new Date()): string {
  return tokyoDate(new Date(now.getTime() + days * 86_400_000));
}

/** Whether a volunteer with this validity may be matched and confirmed for an activity on `day` (YYYY-MM-DD). */
export function hasValidIdCheckOn(validUntil: string | null | undefined, day: string): boolean {
  return !!validUntil && validUntil >= day;
}

/** The one state of a validity date today in Japan (calendar dates compare as strings). */
export function idCheckState(validUntil: string | null | undefined, now = new Date()): IdCheckState {
  if (!validUntil) return 'none';
  if (!hasValidIdCheckOn(validUntil, tokyoDate(now))) return 'expired';
  return validUntil <= tokyoDateInDays(ID_CHECK_WARNING_DAYS, now) ? 'expiring' : 'valid';
}

/**
 * What the list filter `id_check_state` selects, as bounds on `id_check_valid_until` for the
 * database: from `from` to `to` (inclusive; open when absent), or before `before`; `never` adds
 * volunteers without one. `valid` takes in those expiring soon (both are valid today), and
 * `none` means "no valid check today": never checked **or** expired, as the console's label
 * 「未確認または期限切れ」 says.
 */
export type IdCheckBounds = { from?: string; to?: string; before?: string; never?: boolean };

export function idCheckFilterBounds(state: IdCheckState, now = new Date()): IdCheckBounds {
  const today = tokyoDate(now);
  switch (state) {
    case 'valid':
      return { from: today };
    case 'expiring':
      return { from: today, to: tokyoDateInDays(ID_CHECK_WARNING_DAYS, now) };
    case 'expired':
      return { before: today };
    case 'none':
      return { before: today, never: true };
  }
}

/** Whether a validity date lies within the bounds (what the database's filter does). */
export function withinIdCheckBounds(bounds: IdCheckBounds, validUntil: string | null | undefined): boolean {
  if (!validUntil) return !!bounds.never;
  if (bounds.before !== undefined) return validUntil < bounds.before;
  return (bounds.from === undefined || validUntil >= bounds.from) && (bounds.to === undefined || validUntil <= bounds.to);
}

/** YYYY-MM-DD plus whole months; the 31st becomes the month's last day when needed. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * The NPO stores no ID document numbers. A run of 8+ digits (My Number is 12, a licence 12,
 * a residence card 2 letters + 8 digits + 2 letters, a passport 2 letters + 7 digits) in free
 * text is refused, so a number cannot slip in through the notes.
 */
export function looksLikeDocumentNumber(text: string): boolean {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  return /\d{8,}/.test(t) || /[A-Za-z]{1,2}\d{7,}/.test(t);
}

/** The last calendar day of a month given as YYYY-MM. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The documents whose expiry bounds the check: a check on a residence card ends with the card. */
export const DOCUMENTS_BOUNDING_VALIDITY: readonly string[] = ['residence_card'];

/**
 * The validity of a passed check: the settings' months from the check, or the date given, but
 * never past the end of the month its residence card expires (when that was the document).
 */
export function boundedValidity(validUntil: string, documentType: string, expiryMonth: string | null | undefined): string {
  if (!expiryMonth || !DOCUMENTS_BOUNDING_VALIDITY.includes(documentType)) return validUntil;
  const end = monthEnd(expiryMonth);
  return end < validUntil ? end : validUntil;
}
