import { suppressCount, suppressPartition, type Value } from '../domain/suppression.js';
import type { Report } from './report.js';

type Side = 'value' | 'previous';
type PublicPair = { value: Value; previous: Value };
export type PublicReport = Omit<
  Report,
  'counts' | 'rates' | 'breakdowns' | 'days_to_confirmation' | 'volunteer_hours' | 'feedback_average'
> & {
  counts: Record<string, PublicPair>;
  rates: Record<string, PublicPair>;
  days_to_confirmation: { median: PublicPair; p90: PublicPair };
  volunteer_hours: PublicPair;
  feedback_average: PublicPair;
  breakdowns: Record<string, { key: string; value: Value; previous: Value }[]>;
};

const RATE_PARTS: Record<string, [string, string]> = { match_rate: ['matched', 'received'], completion_rate: ['completed', 'matched'] };

/**
 * The report as it may leave the NPO: small counts suppressed, each breakdown protected against
 * recovery by subtraction from the total, rates hidden where they rest on a suppressed count.
 */
export function forOutsiders(report: Report, threshold: number): PublicReport {
  const counts: PublicReport['counts'] = {};
  for (const [key, pair] of Object.entries(report.counts)) {
    counts[key] = { value: suppressCount(pair.value, threshold), previous: suppressCount(pair.previous, threshold) };
  }
  const sides: Side[] = ['value', 'previous'];
  for (const side of sides) {
    // Residents split into new and returning: the same subtraction risk as a breakdown.
    const [n, r] = suppressPartition([report.counts.new_residents![side], report.counts.returning_residents![side]], threshold);
    counts.new_residents![side] = n!;
    counts.returning_residents![side] = r!;
  }
  const rates: PublicReport['rates'] = {};
  for (const [key, pair] of Object.entries(report.rates)) {
    const [num, den] = RATE_PARTS[key]!;
    const hide = (side: Side) => typeof counts[num]![side] === 'string' || typeof counts[den]![side] === 'string';
    rates[key] = { value: hide('value') ? '*' : pair.value, previous: hide('previous') ? '*' : pair.previous };
  }
  const breakdowns: PublicReport['breakdowns'] = {};
  for (const [dim, cells] of Object.entries(report.breakdowns)) {
    const totalHidden = (side: Side) => typeof counts.received![side] === 'string';
    const now = suppressPartition(
      cells.map((c) => c.value),
      threshold,
      totalHidden('value'),
    );
    const before = suppressPartition(
      cells.map((c) => c.previous),
      threshold,
      totalHidden('previous'),
    );
    breakdowns[dim] = cells.map((c, i) => ({ key: c.key, value: now[i]!, previous: before[i]! }));
  }
  // A median of two confirmations, or the hours of one activity, describe those people: such
  // figures are hidden ('*') wherever the count they rest on is suppressed.
  const resting = (pair: Report['volunteer_hours'], on: string): PublicPair => ({
    value: typeof counts[on]!.value === 'string' ? '*' : pair.value,
    previous: typeof counts[on]!.previous === 'string' ? '*' : pair.previous,
  });
  const days_to_confirmation = {
    median: resting(report.days_to_confirmation.median, 'matched'),
    p90: resting(report.days_to_confirmation.p90, 'matched'),
  };
  return {
    ...report,
    counts,
    rates,
    breakdowns,
    days_to_confirmation,
    volunteer_hours: resting(report.volunteer_hours, 'activities'),
    feedback_average: resting(report.feedback_average, 'feedback_responses'),
  };
}
