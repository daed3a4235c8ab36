import { activityMinutes } from './service-rules.js';
import { tokyoParts } from './time.js';
import type { Note } from './matching.js';

/**
 * Warnings by task: things a Tokyo coordinator checks before confirming, which are not
 * refusals (the coordinator decides).
 */
export type TaskFacts = {
  task_type: string;
  mode: string;
  start_at: Date | string | null | undefined;
  /** The municipality's own notes (its check-up days, 休日開庁 days), shown beside the date. */
  municipality_notes?: string | null;
  municipality_name?: string | null;
  /** Yen of transport expenses recorded on the request. */
  transport_yen?: number;
};

const SATURDAY = 6;

export function taskWarnings(f: TaskFacts): Note[] {
  const out: Note[] = [];
  const start = f.start_at ? new Date(f.start_at) : undefined;
  const where = f.municipality_name ? `${f.municipality_name}: ` : '';
  if (start && f.task_type === 'ward_office' && tokyoParts(start).weekday === SATURDAY) {
    out.push({
      code: 'ward_office_saturday',
      message: `土曜日です。区役所の多くは、告知された休日開庁日のほかは土曜日は閉庁です。開庁日か確認してください。${f.municipality_notes ? `（${where}${f.municipality_notes}）` : ''}`,
    });
  }
  if (f.task_type === 'child_health_checkup') {
    out.push({
      code: 'child_health_checkup_days',
      message: f.municipality_notes
        ? `乳幼児健診は区の実施日にしか受けられません。${where}${f.municipality_notes}`
        : '乳幼児健診は区の実施日にしか受けられません。区の案内で実施日を確認してください。',
    });
  }
  if (f.mode === 'online' && (f.transport_yen ?? 0) > 0) {
    out.push({
      code: 'online_transport',
      message: `オンラインの依頼に交通費 (${f.transport_yen!.toLocaleString('ja-JP')} 円) が計上されています。`,
    });
  }
  return out;
}

/**
 * Whether the time between one in-person activity's end and the same volunteer's next one (in
 * another municipality) is under the travel gap, in whole minutes as the other time rules count.
 */
export function travelGapTooShort(previousEnd: Date, nextStart: Date, gapMinutes: number): boolean {
  const gap = activityMinutes(previousEnd, nextStart);
  return gap >= 0 && gap < gapMinutes;
}

export const travelMessage = (gapMinutes: number) =>
  `同じ日の別の区市町村での対面の活動との間が ${gapMinutes} 分未満です (移動時間を確認してください)。`;
