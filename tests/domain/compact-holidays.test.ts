import holidayJp from '@holiday-jp/holiday_jp';
import { describe, expect, it } from 'vitest';
import { compactHolidaysModule } from '../../admin/compact-holidays.js';

/** The console's compact holiday table (admin/compact-holidays.ts) against the library's. */
describe('compact holiday table', () => {
  it('gives every date with the same Japanese and English names, and no other date', async () => {
    const source = compactHolidaysModule();
    const { default: compact } = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {
      default: { holidays: Record<string, { name: string; name_en?: string }> };
    };
    const library = holidayJp.holidays as Record<string, { name: string; name_en?: string }>;
    const expected = Object.fromEntries(
      Object.entries(library).map(([date, h]) => [date, h.name_en ? { name: h.name, name_en: h.name_en } : { name: h.name }]),
    );
    expect(Object.keys(compact.holidays).length).toBeGreaterThan(1000);
    expect(compact.holidays).toEqual(expected);
    expect(compact.holidays['2026-05-06']).toEqual({ name: 'こどもの日 振替休日', name_en: 'Holiday in lieu' });
    expect(compact.holidays['2026-05-07']).toBeUndefined();
  });
});
