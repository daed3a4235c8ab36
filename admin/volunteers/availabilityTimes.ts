import { toMinutes, type AvailabilityWindow } from '../../server/domain/availability';

/** Monday … Saturday, as the API numbers them; Sunday is never a service day. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6] as const;

/** Half hours: fine enough for volunteers' weekly slots, few enough to pick from a list. */
export const STEP_MINUTES = 30;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Times from `from` to `to` inclusive; a saved value off the grid stays choosable. */
export const timeOptions = (from: string, to: string, keep?: string): string[] => {
  const times: string[] = [];
  for (let m = toMinutes(from); m <= toMinutes(to); m += STEP_MINUTES) times.push(hhmm(m));
  if (keep && !times.includes(keep)) times.push(keep);
  return times.sort();
};

/** A new row: the first weekday without a slot yet, in the morning within service hours. */
export const newWindow = (existing: AvailabilityWindow[], serviceStart: string, serviceEnd: string): AvailabilityWindow => {
  const weekday = WEEKDAYS.find((d) => !existing.some((w) => w.weekday === d)) ?? 1;
  const start = toMinutes(serviceStart) > toMinutes('09:00') ? serviceStart : '09:00';
  const end = hhmm(Math.min(toMinutes(start) + 180, toMinutes(serviceEnd)));
  return { weekday, start, end };
};
