import type { Knex } from 'knex';
import type { Period } from '../domain/period.js';
import { computeFigures, perDimension, type Dimension } from './figures.js';
import { periodFigures } from './stored.js';

export type Pair = { value: number | null; previous: number | null };
export type Cell = { value: number | string | null; previous: number | string | null };

export type Report = {
  period: Period;
  previous_period: Period;
  counts: Record<string, Pair>;
  rates: Record<string, Pair>;
  days_to_confirmation: { median: Pair; p90: Pair };
  volunteer_hours: Pair;
  /** Residents' ratings of the help (1–5), their average in the period. */
  feedback_average: Pair;
  amounts: Record<string, Pair>;
  breakdowns: Record<Dimension, ({ key: string } & Pair)[]>;
};

const rate = (num: number | undefined, den: number | undefined) => (num == null || !den ? null : Math.round((num / den) * 1000) / 1000);

function pairs(now: Record<string, number>, before: Record<string, number>): Record<string, Pair> {
  return Object.fromEntries(Object.keys(now).map((k) => [k, { value: now[k] ?? null, previous: before[k] ?? null }]));
}

/**
 * The period's figures, each beside the previous period's: `stored` (report_period_figures, computed
 * when no longer valid), or computed now from the monthly counts, or from the `records`
 * themselves (the reference nothing is kept for).
 */
export async function buildReport(
  db: Knex,
  period: Period,
  previous: Period,
  source: 'stored' | 'month_counts' | 'records' = 'stored',
): Promise<Report> {
  const figures = (p: Period) => (source === 'stored' ? periodFigures(db, p) : computeFigures(db, p, source));
  const [now, before] = await Promise.all([figures(period), figures(previous)]);
  const breakdowns = await perDimension((dim) => {
    const keys = [...new Set([...now.breakdowns[dim].map((b) => b.key), ...before.breakdowns[dim].map((b) => b.key)])];
    const value = (list: { key: string; value: number }[], key: string) => list.find((b) => b.key === key)?.value ?? 0;
    return keys
      .map((key) => ({ key, value: value(now.breakdowns[dim], key), previous: value(before.breakdowns[dim], key) }))
      .sort((a, b) => b.value - a.value || b.previous - a.previous || a.key.localeCompare(b.key));
  });
  return {
    period,
    previous_period: previous,
    counts: pairs(now.counts, before.counts),
    rates: {
      match_rate: { value: rate(now.counts.matched, now.counts.received), previous: rate(before.counts.matched, before.counts.received) },
      completion_rate: {
        value: rate(now.counts.completed, now.counts.matched),
        previous: rate(before.counts.completed, before.counts.matched),
      },
    },
    days_to_confirmation: {
      median: { value: now.days.median, previous: before.days.median },
      p90: { value: now.days.p90, previous: before.days.p90 },
    },
    volunteer_hours: { value: now.hours, previous: before.hours },
    feedback_average: { value: now.feedback_average, previous: before.feedback_average },
    amounts: pairs(now.amounts, before.amounts),
    breakdowns,
  };
}
