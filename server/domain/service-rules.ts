import holidayJp from '@holiday-jp/holiday_jp';
import { toMinutes } from './availability.js';
import { type ClosedPeriod, closedMessage, closedPeriodOn } from './closed-dates.js';
import { tokyoParts } from './time.js';

export type ServiceSettings = {
  service_weekdays: number[];
  service_start: string;
  service_end: string;
  max_activity_minutes: number;
  closed_on_public_holidays: boolean;
  /** The closed periods set by an admin (休業期間); refused whatever the other rules say. */
  closed_dates?: readonly ClosedPeriod[];
};

export type RuleCode = 'order' | 'same_day' | 'max_duration' | 'service_day' | 'service_hours' | 'public_holiday' | 'closed_date';
export type RuleViolation = { rule: RuleCode; message: string };

const WEEKDAY_JA = ['', '月', '火', '水', '木', '金', '土', '日'];

const holidays: Record<string, { name: string } | undefined> = holidayJp.holidays;

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const isSunday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 0;

/**
 * The Japanese public holiday on a JST calendar date, if any, by its legal name. A substitute
 * holiday (振替休日) is a 「休日」 under the holidays act, named after the Sunday holiday it
 * replaces: 「休日（憲法記念日の振替）」 (2026-05-06), not the data's 「こどもの日 振替休日」,
 * which names the wrong holiday whenever several precede it.
 */
export function publicHoliday(date: string): string | undefined {
  const name = holidays[date]?.name;
  if (!name?.endsWith('振替休日')) return name;
  // The replaced holiday is the Sunday one at the start of the run of holidays just before.
  for (let d = dayBefore(date); holidays[d]; d = dayBefore(d)) {
    if (isSunday(d)) return `休日（${holidays[d]!.name}の振替）`;
  }
  return `休日（${name.replace(/\s*振替休日$/, '')}の振替）`;
}

/**
 * Whole minutes between two instants, each first truncated to its minute: the same truncation as
 * the Japan-time clock times the service hours are judged by (18:00:59 is still 18:00), so the
 * 3-hour rule and the hours rule never disagree about seconds.
 */
export function activityMinutes(start: Date, end: Date): number {
  return Math.floor(end.getTime() / 60_000) - Math.floor(start.getTime() / 60_000);
}

/**
 * Every rule a planned activity time breaks, judged in Japan time whatever offset was sent.
 * Bounds are inclusive: 08:30–11:30 and 15:00–18:00 are fine; max + 1 minute is not.
 */
export function serviceTimeViolations(start: Date, end: Date, s: ServiceSettings): RuleViolation[] {
  const out: RuleViolation[] = [];
  const minutes = activityMinutes(start, end);
  if (minutes <= 0) return [{ rule: 'order', message: '終了日時は開始日時より後にしてください。' }];
  const from = tokyoParts(start);
  const to = tokyoParts(end);
  if (from.date !== to.date) out.push({ rule: 'same_day', message: '活動は同じ日のうちに終わるようにしてください。' });
  if (minutes > s.max_activity_minutes) {
    out.push({
      rule: 'max_duration',
      message: `1 回の活動は ${s.max_activity_minutes} 分 (${s.max_activity_minutes / 60} 時間) 以内です。`,
    });
  }
  if (!s.service_weekdays.includes(from.weekday)) {
    const open = s.service_weekdays.map((d) => WEEKDAY_JA[d]).join('・');
    out.push({ rule: 'service_day', message: `${WEEKDAY_JA[from.weekday]}曜日はサービス提供日ではありません (提供日: ${open})。` });
  }
  const holiday = s.closed_on_public_holidays ? publicHoliday(from.date) : undefined;
  if (holiday) out.push({ rule: 'public_holiday', message: `${from.date} は祝日 (${holiday}) のため休みです。` });
  const closed = closedPeriodOn(from.date, s.closed_dates);
  if (closed) out.push({ rule: 'closed_date', message: closedMessage(from.date, closed) });
  const endMinutes = from.date === to.date ? to.minutes : 24 * 60 + to.minutes;
  if (from.minutes < toMinutes(s.service_start) || endMinutes > toMinutes(s.service_end)) {
    out.push({ rule: 'service_hours', message: `サービス時間 (日本時間 ${s.service_start}〜${s.service_end}) の中で指定してください。` });
  }
  return out;
}

/** Japanese public holidays from one JST date to another (both YYYY-MM-DD, inclusive), in order. */
export function publicHolidaysBetween(from: string, to: string): { date: string; name: string }[] {
  const holidays: Record<string, { name: string } | undefined> = holidayJp.holidays;
  return Object.entries(holidays)
    .filter(([date]) => date >= from && date <= to)
    .map(([date, h]) => ({ date, name: h?.name ?? '' }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
