import { type Msg, msg, render } from './sentences.js';
/**
 * Closed periods (休業期間) set by an admin, such as the year-end and new-year break
 * 12/29–1/3. A period is a range of Japan-time calendar dates, both ends included; one marked
 * `every_year` repeats on the same month and day each year (its stored year only anchors it),
 * and may run over the new year.
 */
export type ClosedPeriod = { from_date: string; to_date: string; reason: string; every_year?: boolean };

/** One concrete occurrence of a period: dates as YYYY-MM-DD. */
export type ClosedOccurrence = { from_date: string; to_date: string; reason: string };

const DAY_MS = 86_400_000;

const toDay = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to` (0 when they are the same date). */
export const daysBetween = (from: string, to: string): number => toDay(to) - toDay(from);

/** A yearly period cannot last a whole year: it would overlap its own next occurrence. */
export const MAX_YEARLY_DAYS = 365;

/** The occurrence of a period that starts in the given year (the period itself when it is not yearly). */
function inYear(p: ClosedPeriod, year: number): ClosedOccurrence {
  if (!p.every_year) return { from_date: p.from_date, to_date: p.to_date, reason: p.reason };
  const span = daysBetween(p.from_date, p.to_date);
  // 2/29 of a yearly period falls on 3/1 in other years, as Date.UTC rolls it over.
  const start = Date.UTC(year, Number(p.from_date.slice(5, 7)) - 1, Number(p.from_date.slice(8, 10))) / DAY_MS;
  return { from_date: fromDay(start), to_date: fromDay(start + span), reason: p.reason };
}

/** Every occurrence of the periods that touches the dates from..to (both included), in date order. */
export function closedOccurrences(periods: readonly ClosedPeriod[], from: string, to: string): ClosedOccurrence[] {
  const out: ClosedOccurrence[] = [];
  const firstYear = Number(from.slice(0, 4)) - 1;
  const lastYear = Number(to.slice(0, 4));
  for (const p of periods) {
    const years = p.every_year ? Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i) : [0];
    for (const year of years) {
      const o = inYear(p, year);
      if (o.to_date >= from && o.from_date <= to) out.push(o);
    }
  }
  return out.sort((a, b) => a.from_date.localeCompare(b.from_date) || a.to_date.localeCompare(b.to_date));
}

/** The closed period a Japan-time date falls in, if any. */
export function closedPeriodOn(date: string, periods: readonly ClosedPeriod[] | undefined): ClosedOccurrence | undefined {
  return periods?.length ? closedOccurrences(periods, date, date)[0] : undefined;
}

/** 12/29〜1/3 for a yearly period, 2026/12/29〜2027/1/3 for a single one. */
export function closedPeriodLabel(o: ClosedOccurrence, yearly = false): string {
  const md = (d: string) => `${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}`;
  const full = (d: string) => `${d.slice(0, 4)}/${md(d)}`;
  if (yearly) return `毎年 ${md(o.from_date)}〜${md(o.to_date)}`;
  return o.from_date === o.to_date ? full(o.from_date) : `${full(o.from_date)}〜${full(o.to_date)}`;
}

/** The refusal of a date in a closed period, naming the reason and the period. */
export function closedText(date: string, o: ClosedOccurrence): Msg {
  return msg('rule.closed_date', { date, reason: o.reason, period: closedPeriodLabel(o) });
}

export const closedMessage = (date: string, o: ClosedOccurrence): string => render(closedText(date, o), 'ja');
