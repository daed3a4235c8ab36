import { toMinutes } from '../../server/domain/availability';
import { serviceTimeViolations, type ServiceSettings } from '../../server/domain/service-rules';
import { type Lang, msg, render } from '../../server/domain/sentences';
import { toTokyoIso } from '../../server/domain/time';

/** The pickers offer quarter hours: finer is never needed on the phone, coarser loses 08:30. */
export const STEP_MINUTES = 15;

/** A time half-picked (a date without times, say): neither a time nor "no time yet". */
export const INCOMPLETE = '';

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Every quarter hour from the service start to the service end, both included. */
export function quarterHours(settings: Pick<ServiceSettings, 'service_start' | 'service_end'>): string[] {
  const out: string[] = [];
  for (let m = toMinutes(settings.service_start); m <= toMinutes(settings.service_end); m += STEP_MINUTES) out.push(hhmm(m));
  return out;
}

/** End times that keep the activity inside the hours and under the maximum length. */
export function endChoices(all: string[], start: string, settings: Pick<ServiceSettings, 'max_activity_minutes'>): string[] {
  if (!start) return all.slice(1);
  const from = toMinutes(start);
  return all.filter((t) => toMinutes(t) > from && toMinutes(t) - from <= settings.max_activity_minutes);
}

export type TimeParts = { date: string; start: string; end: string };

const tokyo = (value: unknown) => (typeof value === 'string' && value ? toTokyoIso(new Date(value)) : '');

/** An ISO pair as the Japan-time date and HH:MM the pickers show. */
export function splitTimes(startAt: unknown, endAt: unknown): TimeParts {
  const start = tokyo(startAt);
  const end = tokyo(endAt);
  return { date: start.slice(0, 10), start: start.slice(11, 16), end: end.slice(11, 16) };
}

export const composeIso = (date: string, time: string) => `${date}T${time}:00+09:00`;

/** What the form stores for the pickers' state: two ISO strings, nothing, or "incomplete". */
export function composeTimes({ date, start, end }: TimeParts): { start_at: string | null; end_at: string | null } {
  if (!date && !start && !end) return { start_at: null, end_at: null };
  // The date picker holds its own marker while a typed date is unfinished.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !start || !end) return { start_at: INCOMPLETE, end_at: INCOMPLETE };
  return { start_at: composeIso(date, start), end_at: composeIso(date, end) };
}

const sameInstant = (a: unknown, b: unknown) =>
  a === null || a === undefined || b === null || b === undefined
    ? (a ?? null) === (b ?? null)
    : new Date(a as string).getTime() === new Date(b as string).getTime();

/**
 * The server's own rules, judged before sending: the same Japanese messages, so what the form
 * refuses is exactly what the server would refuse. An unchanged time of an existing record is
 * not judged again (the server does not either: the settings may have changed since).
 */
export function serviceTimeProblem(
  startAt: unknown,
  endAt: unknown,
  settings: ServiceSettings | undefined,
  original?: { start_at?: unknown; end_at?: unknown },
  lang: Lang = 'ja',
): string | undefined {
  if (startAt == null && endAt == null) return undefined;
  if (startAt === INCOMPLETE || endAt === INCOMPLETE || startAt == null || endAt == null) {
    return render(msg('request.both_times'), lang);
  }
  if (original && sameInstant(startAt, original.start_at) && sameInstant(endAt, original.end_at)) return undefined;
  if (!settings) return undefined;
  const violations = serviceTimeViolations(new Date(startAt as string), new Date(endAt as string), settings);
  return violations.length ? violations.map((v) => render(v.text, lang)).join(' ') : undefined;
}
