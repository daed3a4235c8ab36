import { describe, expect, it } from 'vitest';
import {
  hasValidIdCheckOn,
  ID_CHECK_STATES,
  ID_CHECK_WARNING_DAYS,
  idCheckFilterBounds,
  idCheckState,
  tokyoDateInDays,
  withinIdCheckBounds,
  type IdCheckState,
} from '../../server/domain/id-checks.js';

// 00:30 in Tokyo is still the previous day in UTC: "today" must be Japan's.
const NOW = new Date('2026-11-30T00:30:00+09:00');
const SAMPLES: (string | null)[] = [null, '2020-01-01', '2026-11-29', '2026-11-30', '2027-01-28', '2027-01-29', '2027-01-30', '2099-12-31'];

describe('ID check states', () => {
  it('counts days from today in Japan, with a 60-day warning window', () => {
    expect(ID_CHECK_WARNING_DAYS).toBe(60);
    expect(tokyoDateInDays(0, NOW)).toBe('2026-11-30');
    expect(tokyoDateInDays(ID_CHECK_WARNING_DAYS, NOW)).toBe('2027-01-29');
    expect(tokyoDateInDays(-1, NOW)).toBe('2026-11-29');
  });

  it('gives each validity date one state: none, expired, expiring (today up to the 60th day), valid', () => {
    expect(SAMPLES.map((d) => idCheckState(d, NOW))).toEqual([
      'none',
      'expired',
      'expired',
      'expiring',
      'expiring',
      'expiring',
      'valid',
      'valid',
    ]);
    expect(idCheckState(undefined, NOW)).toBe('none');
    expect(idCheckState('', NOW)).toBe('none');
  });

  it('is valid on a day up to and including the last valid date', () => {
    expect(hasValidIdCheckOn('2026-12-01', '2026-12-01')).toBe(true);
    expect(hasValidIdCheckOn('2026-12-01', '2026-11-15')).toBe(true);
    expect(hasValidIdCheckOn('2026-12-01', '2026-12-02')).toBe(false);
    expect(hasValidIdCheckOn(null, '2026-12-01')).toBe(false);
  });

  it('filters: valid takes in expiring, and none means no valid check today (never checked or expired)', () => {
    const selects: Record<IdCheckState, readonly IdCheckState[]> = {
      valid: ['valid', 'expiring'],
      expiring: ['expiring'],
      expired: ['expired'],
      none: ['none', 'expired'],
    };
    for (const filter of ID_CHECK_STATES) {
      const bounds = idCheckFilterBounds(filter, NOW);
      for (const date of SAMPLES) {
        expect(withinIdCheckBounds(bounds, date), `${filter} ∋ ${date}`).toBe(selects[filter].includes(idCheckState(date, NOW)));
      }
    }
  });
});
