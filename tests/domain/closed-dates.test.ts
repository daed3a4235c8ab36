import { describe, expect, it } from 'vitest';
import { closedOccurrences, closedPeriodOn } from '../../server/domain/closed-dates.js';

const YEAR_END = { from_date: '2026-12-29', to_date: '2027-01-03', reason: '年末年始', every_year: true };

describe('closed periods', () => {
  it('repeats a yearly period over the new year, both ends included', () => {
    expect(closedPeriodOn('2030-12-28', [YEAR_END])).toBeUndefined();
    expect(closedPeriodOn('2030-12-29', [YEAR_END])).toEqual({ from_date: '2030-12-29', to_date: '2031-01-03', reason: '年末年始' });
    expect(closedPeriodOn('2031-01-03', [YEAR_END])?.from_date).toBe('2030-12-29');
    expect(closedPeriodOn('2031-01-04', [YEAR_END])).toBeUndefined();
    // Before its anchoring year too: the break is the same every year.
    expect(closedPeriodOn('2024-12-31', [YEAR_END])?.to_date).toBe('2025-01-03');
  });

  it('keeps a single period to its own dates', () => {
    const once = { from_date: '2026-08-13', to_date: '2026-08-15', reason: '夏季休業' };
    expect(closedPeriodOn('2026-08-12', [once])).toBeUndefined();
    expect(closedPeriodOn('2026-08-13', [once])?.reason).toBe('夏季休業');
    expect(closedPeriodOn('2026-08-15', [once])?.reason).toBe('夏季休業');
    expect(closedPeriodOn('2027-08-14', [once])).toBeUndefined();
  });

  it('unrolls the occurrences touching a range, in date order', () => {
    const once = { from_date: '2027-05-01', to_date: '2027-05-01', reason: '研修' };
    expect(closedOccurrences([once, YEAR_END], '2026-12-01', '2027-12-31')).toEqual([
      { from_date: '2026-12-29', to_date: '2027-01-03', reason: '年末年始' },
      { from_date: '2027-05-01', to_date: '2027-05-01', reason: '研修' },
      { from_date: '2027-12-29', to_date: '2028-01-03', reason: '年末年始' },
    ]);
    expect(closedOccurrences([YEAR_END], '2027-01-04', '2027-12-28')).toEqual([]);
  });
});
