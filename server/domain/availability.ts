/** Weekly availability windows of a volunteer: weekday 1 (Mon) … 6 (Sat), HH:MM–HH:MM. */
export type AvailabilityWindow = { weekday: number; start: string; end: string };

export const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Problems with a set of windows against the service hours, keyed by the window's index. */
export function availabilityProblems(
  windows: AvailabilityWindow[],
  service: { service_weekdays: number[]; service_start: string; service_end: string },
): Record<number, string> {
  const problems: Record<number, string> = {};
  const open = toMinutes(service.service_start);
  const close = toMinutes(service.service_end);
  windows.forEach((w, i) => {
    const start = toMinutes(w.start);
    const end = toMinutes(w.end);
    if (!service.service_weekdays.includes(w.weekday)) problems[i] = 'サービス提供日ではない曜日です。';
    else if (start >= end) problems[i] = '終了時刻は開始時刻より後にしてください。';
    else if (start < open || end > close)
      problems[i] = `サービス時間 (${service.service_start}〜${service.service_end}) の中で指定してください。`;
  });
  windows.forEach((w, i) => {
    if (problems[i]) return;
    const overlap = windows.findIndex(
      (o, j) => j !== i && o.weekday === w.weekday && toMinutes(o.start) < toMinutes(w.end) && toMinutes(w.start) < toMinutes(o.end),
    );
    if (overlap >= 0) problems[i] = '同じ曜日の時間帯が重なっています。';
  });
  return problems;
}
