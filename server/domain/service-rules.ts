import holidayJp from '@holiday-jp/holiday_jp';
import { toMinutes } from './availability.js';
import { type ClosedPeriod, closedPeriodOn, closedText } from './closed-dates.js';
import { both, type Msg, msg, render } from './sentences.js';
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
/** `text` is the sentence in either language; `message` its Japanese rendering. */
export type RuleViolation = { rule: RuleCode; text: Msg; message: string };

const WEEKDAY_JA = ['', '月', '火', '水', '木', '金', '土', '日'];
const WEEKDAY_EN = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAY_SHORT_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const violation = (rule: RuleCode, text: Msg): RuleViolation => ({ rule, text, message: render(text, 'ja') });

const holidays: Record<string, { name: string; name_en?: string } | undefined> = holidayJp.holidays;

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
  if (minutes <= 0) return [violation('order', msg('rule.order'))];
  const from = tokyoParts(start);
  const to = tokyoParts(end);
  if (from.date !== to.date) out.push(violation('same_day', msg('rule.same_day')));
  if (minutes > s.max_activity_minutes) {
    out.push(violation('max_duration', msg('rule.max_duration', { minutes: s.max_activity_minutes, hours: s.max_activity_minutes / 60 })));
  }
  if (!s.service_weekdays.includes(from.weekday)) {
    const open = both(
      s.service_weekdays.map((d) => WEEKDAY_JA[d]).join('・'),
      s.service_weekdays.map((d) => WEEKDAY_SHORT_EN[d]).join(', '),
    );
    const weekday = both(WEEKDAY_JA[from.weekday] ?? '', WEEKDAY_EN[from.weekday] ?? '');
    out.push(violation('service_day', msg('rule.service_day', { weekday, open })));
  }
  const holiday = s.closed_on_public_holidays ? publicHoliday(from.date) : undefined;
  if (holiday) {
    const holidayText = both(holiday, holidays[from.date]?.name_en ?? holiday);
    out.push(violation('public_holiday', msg('rule.public_holiday', { date: from.date, holiday: holidayText })));
  }
  const closed = closedPeriodOn(from.date, s.closed_dates);
  if (closed) out.push(violation('closed_date', closedText(from.date, closed)));
  const endMinutes = from.date === to.date ? to.minutes : 24 * 60 + to.minutes;
  if (from.minutes < toMinutes(s.service_start) || endMinutes > toMinutes(s.service_end)) {
    out.push(violation('service_hours', msg('rule.service_hours', { start: s.service_start, end: s.service_end })));
  }
  return out;
}

/** Japanese public holidays from one JST date to another (both YYYY-MM-DD, inclusive), in order. */
export function publicHolidaysBetween(from: string, to: string): { date: string; name: string }[] {
  const holidays: Record<string, { name: string; name_en?: string } | undefined> = holidayJp.holidays;
  return Object.entries(holidays)
    .filter(([date]) => date >= from && date <= to)
    .map(([date, h]) => ({ date, name: h?.name ?? '' }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
