import { tokyoParts } from '../../server/domain/time';

const DAY_MS = 24 * 3600_000;

/** Monday to Sunday (Japan time) of the week holding the instant, as YYYY-MM-DD bounds. */
export function weekAround(instant: string | Date | null | undefined): { from: string; to: string } {
  const at = instant ? new Date(instant) : new Date();
  const { date, weekday } = tokyoParts(at);
  const day = Date.parse(`${date}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(day - (weekday - 1) * DAY_MS), to: iso(day + (7 - weekday) * DAY_MS) };
}
