import holidayJp from '@holiday-jp/holiday_jp';
import countries from 'i18n-iso-countries';
import ISO6391 from 'iso-639-1';
import { describe, expect, it } from 'vitest';
import { compactHolidaysModule, isoCodesModule } from '../../admin/build-tables.js';

/** Imports a module from its source text. */
const load = async <T>(source: string) => ((await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { default: T }).default;

/** The console's build-time tables (admin/build-tables.ts) against the libraries they replace. */
describe('compact holiday table', () => {
  it('gives every date with the same Japanese and English names, and no other date', async () => {
    const compact = await load<{ holidays: Record<string, { name: string; name_en?: string }> }>(compactHolidaysModule());
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

describe('ISO code lists', () => {
  it('gives the same ISO 639-1 codes as iso-639-1', async () => {
    const iso6391 = await load<{ getAllCodes: () => string[] }>(isoCodesModule('iso-639-1'));
    expect(iso6391.getAllCodes()).toEqual(ISO6391.getAllCodes());
    expect(iso6391.getAllCodes()).toContain('tl');
  });

  it('gives the same alpha-2 to alpha-3 table as i18n-iso-countries', async () => {
    const iso3166 = await load<{ getAlpha2Codes: () => Record<string, string> }>(isoCodesModule('i18n-iso-countries'));
    expect(iso3166.getAlpha2Codes()).toEqual(countries.getAlpha2Codes());
    expect(iso3166.getAlpha2Codes().JP).toBe('JPN');
  });
});
