/** Japan has no daylight saving time: Asia/Tokyo is always UTC+09:00. */
export const TOKYO_OFFSET_MINUTES = 9 * 60;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 in Japan time with its offset: 2025-03-08T10:00:00+09:00. */
export function toTokyoIso(date: Date): string {
  const t = new Date(date.getTime() + TOKYO_OFFSET_MINUTES * 60_000);
  return (
    `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` +
    `T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}+09:00`
  );
}

/** The calendar date in Japan of an instant, as YYYY-MM-DD. */
export function tokyoDate(date: Date): string {
  return toTokyoIso(date).slice(0, 10);
}

/** Parts of an instant in Japan time; weekday is ISO (1 = Monday … 7 = Sunday). */
export function tokyoParts(date: Date): { date: string; weekday: number; minutes: number } {
  const t = new Date(date.getTime() + TOKYO_OFFSET_MINUTES * 60_000);
  const day = t.getUTCDay();
  return { date: tokyoDate(date), weekday: day === 0 ? 7 : day, minutes: t.getUTCHours() * 60 + t.getUTCMinutes() };
}
