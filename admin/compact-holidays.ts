import holidayJp from '@holiday-jp/holiday_jp';
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

/** Gives the console's build the compact holiday table instead of the library's. */
export function compactHolidays(): Plugin {
  return {
    name: 'compact-holidays',
    enforce: 'pre',
    resolveId: (source) => (source === '@holiday-jp/holiday_jp' ? COMPACT_HOLIDAYS_ID : null),
    load: (id) => (id === COMPACT_HOLIDAYS_ID ? compactHolidaysModule() : null),
  };
}
