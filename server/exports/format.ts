import { csvCell } from '../domain/csv.js';
import { countryName, languageName } from '../domain/iso.js';
import { enumLabel, YES_NO, type Lang } from '../domain/labels.js';
import { toTokyoIso } from '../domain/time.js';
import type { ExportColumn } from './columns.js';

/** One value as Excel should see it: numbers as numbers, codes as names, times in Japan time. */
const label = (col: ExportColumn, v: string, lang: Lang) => (col.enum ? enumLabel(col.enum, v, lang) : v);

export function formatValue(col: ExportColumn, value: unknown, lang: Lang): string | number {
  if (value == null || value === '') return '';
  switch (col.kind) {
    case 'number':
      return Number(value);
    case 'datetime':
      return toTokyoIso(value instanceof Date ? value : new Date(String(value)))
        .slice(0, 16)
        .replace('T', ' ');
    case 'date':
      return String(value);
    case 'bool':
      return YES_NO[lang][value ? 0 : 1];
    case 'languages':
      return csvCell((Array.isArray(value) ? value : [value]).map((c) => languageName(String(c), lang)).join(lang === 'ja' ? '、' : ', '));
    case 'country':
      return csvCell(countryName(String(value), lang));
    case 'list':
      return csvCell((Array.isArray(value) ? value : [value]).map((v) => label(col, String(v), lang)).join(lang === 'ja' ? '、' : ', '));
    default:
      return csvCell(label(col, String(value), lang));
  }
}
