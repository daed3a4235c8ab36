import holidayJp from '@holiday-jp/holiday_jp';
import countries from 'i18n-iso-countries';
import ISO6391 from 'iso-639-1';
import type { Plugin } from 'vite';

/** The id the console's build gives `@holiday-jp/holiday_jp` (no \0: it is not Vite's runtime). */
export const COMPACT_HOLIDAYS_ID = 'virtual:compact-holidays';

/**
 * The holiday table as a module of the same shape the code reads (`default.holidays[date]`
 * with `name` and `name_en`), written compactly: each distinct pair of names once, then one
 * `YYYYMMDD` + name index per date. The library's module repeats the date, the weekday and both
 * names in every entry (14.6 KB gzip in the console, ~4 KB this way). The server keeps the library.
 */
export function compactHolidaysModule(): string {
  const table = holidayJp.holidays as Record<string, { name: string; name_en?: string }>;
  const names: [string, string][] = [];
  const index = new Map<string, number>();
  const rows = Object.entries(table)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, h]) => {
      const pair: [string, string] = [h.name, h.name_en ?? ''];
      const key = pair.join('\n');
      if (!index.has(key)) index.set(key, names.push(pair) - 1);
      return date.replaceAll('-', '') + index.get(key)!.toString(36);
    });
  return [
    `const names = ${JSON.stringify(names)};`,
    'const holidays = {};',
    `for (const row of ${JSON.stringify(rows.join(','))}.split(',')) {`,
    '  const [name, name_en] = names[parseInt(row.slice(8), 36)];',
    "  holidays[row.slice(0, 4) + '-' + row.slice(4, 6) + '-' + row.slice(6, 8)] = name_en ? { name, name_en } : { name };",
    '}',
    'export default { holidays };',
  ].join('\n');
}

/** The id the console's build gives `iso-639-1` and `i18n-iso-countries`. */
export const ISO_CODES_IDS = { 'iso-639-1': 'virtual:iso-639-1-codes', 'i18n-iso-countries': 'virtual:iso-3166-codes' } as const;

/**
 * The two code lists server/domain/iso.ts reads (the names come from Intl.DisplayNames), as
 * modules of the calls it makes: `getAllCodes()` and `getAlpha2Codes()`. The libraries also
 * carry every language's names in two scripts (~3 KB gzip in the console, ~1 KB this way).
 */
export function isoCodesModule(library: keyof typeof ISO_CODES_IDS): string {
  if (library === 'iso-639-1') {
    return `const codes = ${JSON.stringify(ISO6391.getAllCodes().join(','))}.split(',');\nexport default { getAllCodes: () => [...codes] };`;
  }
  const pairs = Object.entries(countries.getAlpha2Codes()).map(([two, three]) => two + three);
  return [
    `const pairs = ${JSON.stringify(pairs.join(','))}.split(',');`,
    'export default { getAlpha2Codes: () => Object.fromEntries(pairs.map((p) => [p.slice(0, 2), p.slice(2)])) };',
  ].join('\n');
}

/**
 * Gives the console's build tables made at build time from the libraries' data instead of the
 * libraries: the holiday table and the ISO code lists. The server and the tests keep the libraries.
 */
export function buildTables(): Plugin {
  const byId = new Map<string, () => string>([
    [COMPACT_HOLIDAYS_ID, compactHolidaysModule],
    [ISO_CODES_IDS['iso-639-1'], () => isoCodesModule('iso-639-1')],
    [ISO_CODES_IDS['i18n-iso-countries'], () => isoCodesModule('i18n-iso-countries')],
  ]);
  return {
    name: 'build-tables',
    enforce: 'pre',
    resolveId: (source) => {
      if (source === '@holiday-jp/holiday_jp') return COMPACT_HOLIDAYS_ID;
      return source in ISO_CODES_IDS ? ISO_CODES_IDS[source as keyof typeof ISO_CODES_IDS] : null;
    },
    load: (id) => byId.get(id)?.() ?? null,
  };
}
