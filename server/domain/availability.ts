import { type Msg, msg } from './sentences.js';

/** Weekly availability windows of a volunteer: weekday 1 (Mon) … 6 (Sat), HH:MM–HH:MM. */
export type AvailabilityWindow = { weekday: number; start: string; end: string };

export const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Problems with a set of windows against the service hours, keyed by the window's index. */
export function availabilityProblems(
  windows: AvailabilityWindow[],
  service: { service_weekdays: number[]; service_start: string; service_end: string },
): Record<number, Msg> {
  const problems: Record<number, Msg> = {};
  const open = toMinutes(service.service_start);
  const close = toMinutes(service.service_end);
  windows.forEach((w, i) => {
    const start = toMinutes(w.start);
    const end = toMinutes(w.end);
    if (!service.service_weekdays.includes(w.weekday)) problems[i] = msg('availability.not_service_day');
    else if (start >= end) problems[i] = msg('end_after_start_time');
    else if (start < open || end > close)
      problems[i] = msg('availability.outside_hours', { start: service.service_start, end: service.service_end });
  });
  windows.forEach((w, i) => {
    if (problems[i]) return;
    const overlap = windows.findIndex(
      (o, j) => j !== i && o.weekday === w.weekday && toMinutes(o.start) < toMinutes(w.end) && toMinutes(w.start) < toMinutes(o.end),
    );
    if (overlap >= 0) problems[i] = msg('availability.overlap');
  });
  return problems;
}
