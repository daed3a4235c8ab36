/** YYYY-MM-DD plus whole months; the 31st becomes the month's last day when needed. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
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
