import { toMinutes, type AvailabilityWindow } from './availability.js';

/** What the database tells us about one volunteer for one request. */
export type CandidateFacts = {
  speaks_request_language: boolean;
  speaks_client_language: boolean;
  lives_in_area: boolean;
  serves_area: boolean;
  online: boolean;
  done_same_task: number;
  helped_client_before: boolean;
  activities_last_30_days: number;
  month_count: number;
  monthly_limit: number | null;
  id_check_valid_until: string | null;
  coverage: Coverage;
  /** Another in-person activity of theirs, in another municipality, within the travel gap. */
  travel_tight?: boolean;
  travel_gap_minutes?: number;
};

export type Coverage = 'full' | 'partial' | 'none' | 'unknown';
/** A reason or warning: its code and values let the console say it in its own language. */
export type Note = { code: string; message: string; params?: Record<string, string | number> };

/** Points per factor; the table is shown to coordinators so the ranking can be understood. */
export const WEIGHTS = {
  request_language: 30,
  client_language: 15,
  lives_in_area: 20,
  serves_area: 10,
  task_experience_each: 5,
  task_experience_max: 20,
  continuity: 15,
  fairness_max: 20,
  fairness_step: 5,
} as const;

/** How much of the activity's time a volunteer's weekly pattern covers. */
export function coverage(windows: AvailabilityWindow[], weekday: number, start: number, end: number): Coverage {
  const sameDay = windows.filter((w) => w.weekday === weekday);
  if (sameDay.some((w) => toMinutes(w.start) <= start && toMinutes(w.end) >= end)) return 'full';
  if (sameDay.some((w) => toMinutes(w.start) < end && toMinutes(w.end) > start)) return 'partial';
  return 'none';
}

export function scoreCandidate(f: CandidateFacts, nextMonthStart: string): { score: number; reasons: Note[]; warnings: Note[] } {
  const reasons: Note[] = [];
  const warnings: Note[] = [];
  let score = 0;
  const add = (points: number, code: string, message: string, params: Record<string, number> = {}) => {
    score += points;
    reasons.push({ code, message: `${message} (+${points})`, params: { ...params, points } });
  };
  if (f.speaks_request_language) add(WEIGHTS.request_language, 'language', '依頼の言語を話せる');
  else if (f.speaks_client_language) add(WEIGHTS.client_language, 'client_language', '利用者の言語のひとつを話せる');
  if (f.online) reasons.push({ code: 'online', message: 'オンライン対応可' });
  else if (f.lives_in_area) add(WEIGHTS.lives_in_area, 'lives_in_area', '依頼の区市町村に住んでいる');
  else if (f.serves_area) add(WEIGHTS.serves_area, 'serves_area', '依頼の区市町村で活動できる');
  const experience = Math.min(WEIGHTS.task_experience_max, f.done_same_task * WEIGHTS.task_experience_each);
  if (experience > 0) add(experience, 'task_experience', `同じ種類の活動を ${f.done_same_task} 回経験`, { count: f.done_same_task });
  if (f.helped_client_before) add(WEIGHTS.continuity, 'continuity', 'この利用者を以前に支援した');
  const fairness = Math.max(0, WEIGHTS.fairness_max - WEIGHTS.fairness_step * f.activities_last_30_days);
  if (fairness > 0)
    add(fairness, 'fairness', `最近 30 日の活動が ${f.activities_last_30_days} 回と少ない`, { count: f.activities_last_30_days });
  if (f.id_check_valid_until && f.id_check_valid_until < nextMonthStart) {
    warnings.push({
      code: 'id_check_expiring',
      message: `本人確認の有効期限 (${f.id_check_valid_until}) が近い`,
      params: { date: f.id_check_valid_until },
    });
  }
  if (f.monthly_limit != null && f.month_count === f.monthly_limit - 1) {
    warnings.push({
      code: 'near_monthly_limit',
      message: `今月あと 1 回で上限 (${f.monthly_limit} 回)`,
      params: { limit: f.monthly_limit },
    });
  }
  if (f.travel_tight) {
    warnings.push({
      code: 'travel_time',
      message: `同じ日の別の区市町村での対面の活動との間が ${f.travel_gap_minutes ?? 60} 分未満 (移動時間を確認)`,
      params: { minutes: f.travel_gap_minutes ?? 60 },
    });
  }
  if (f.coverage === 'partial') warnings.push({ code: 'partial_availability', message: '活動できる時間帯が依頼の時間の一部のみ' });
  if (f.coverage === 'unknown') warnings.push({ code: 'no_time_yet', message: '依頼の日時が未定のため、空き状況は確認していません' });
  return { score, reasons, warnings };
}
