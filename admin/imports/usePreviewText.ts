import { useGetMany, useTranslate } from 'react-admin';
import { countryName, isCountryCode, isLanguageCode, languageName } from '../../server/domain/iso';
import type { EnumName } from '../choices';
import { useConsoleLocale } from '../fields/iso';
import { formatTokyo } from '../format';

/** Preview columns holding enumeration values, by their translation group. */
const ENUM_COLUMNS: Record<string, EnumName> = {
  japanese_level: 'japanese_level',
  eligibility: 'eligibility',
  status: 'volunteer_status',
  task_types: 'task_type',
};
const MUNICIPALITY_COLUMNS = ['municipality_code', 'service_municipality_codes'];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T/;

const municipalityCodes = (rows: Record<string, unknown>[]) => [
  ...new Set(
    rows.flatMap((row) => MUNICIPALITY_COLUMNS.flatMap((column) => [row[column]].flat())).filter((c): c is string => typeof c === 'string'),
  ),
];

/**
 * The preview as staff read the records elsewhere in the console: names, not codes —
 * countries, languages, municipalities, enumerations and weekdays.
 */
export const usePreviewText = (rows: Record<string, unknown>[]) => {
  const translate = useTranslate();
  const locale = useConsoleLocale();
  const { data: municipalities } = useGetMany('municipalities', { ids: municipalityCodes(rows) });
  const municipalityName = new Map((municipalities ?? []).map((m) => [String(m.id), String(locale === 'en' ? m.name_en : m.name_ja)]));

  const one = (column: string, value: unknown): string => {
    if (value == null || value === '') return '';
    if (typeof value === 'boolean') return value ? '✓' : '—';
    if (typeof value === 'object') {
      const { weekday, start, end } = value as { weekday?: number; start?: string; end?: string };
      if (weekday && start && end) return `${translate(`availability.weekdays.${weekday}`, { _: String(weekday) })} ${start}〜${end}`;
      return JSON.stringify(value);
    }
    const text = String(value);
    // A code the server refused stays as typed, so the error table and the preview agree.
    if (column === 'languages') return isLanguageCode(text) ? languageName(text, locale) : text;
    if (column === 'nationality') return isCountryCode(text) ? countryName(text, locale) : text;
    if (MUNICIPALITY_COLUMNS.includes(column)) return municipalityName.get(text) ?? text;
    const enumName = ENUM_COLUMNS[column];
    if (enumName) return translate(`enums.${enumName}.${text}`, { _: text });
    if (TIMESTAMP.test(text)) return formatTokyo(text);
    return text;
  };

  return (column: string, value: unknown): string =>
    Array.isArray(value) ? value.map((item) => one(column, item)).join('、') : one(column, value);
};
