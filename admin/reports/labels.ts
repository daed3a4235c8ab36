import { useMemo } from 'react';
import { useGetMany, useTranslate } from 'react-admin';
import { AMOUNT_LABELS, FIGURE_LABELS, SECTION_LABELS } from '../../server/reports/labels';
import { useConsoleLocale, type ConsoleLocale } from '../fields/iso';

/** The breakdowns the API returns, in the order the page shows them. */
export const DIMENSIONS = ['category', 'channel', 'task_type', 'mode', 'language', 'nationality', 'municipality'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Breakdowns whose keys are one of the console's enumerations (`enums.<name>.<key>`). */
const ENUM_DIMENSIONS: readonly string[] = ['category', 'channel', 'task_type', 'mode'];

// The server's names for figures and sections, so the page and its CSV read the same.
export const figureLabel = (name: string, locale: ConsoleLocale) => FIGURE_LABELS[name]?.[locale] ?? name;
export const sectionLabel = (name: string, locale: ConsoleLocale) => SECTION_LABELS[name]?.[locale] ?? name;
export const amountLabel = (name: string, locale: ConsoleLocale) => AMOUNT_LABELS[name]?.[locale] ?? name;

type Municipality = { id: string; name_ja: string; name_en: string };

/** Names a breakdown's keys: enum labels, languages and countries via Intl, municipalities from the API. */
export const useKeyLabel = (dimension: Dimension, keys: string[]): ((key: string) => string) => {
  const translate = useTranslate();
  const locale = useConsoleLocale();
  const codes = dimension === 'municipality' ? keys.filter((k) => k !== 'unknown') : [];
  const { data: municipalities } = useGetMany<Municipality>('municipalities', { ids: codes }, { enabled: codes.length > 0 });
  const names = useMemo(() => {
    if (dimension === 'language') return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    if (dimension === 'nationality') return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    return null;
  }, [dimension, locale]);
  return (key: string) => {
    if (key === 'unknown') return translate('reports.unknown');
    if (ENUM_DIMENSIONS.includes(dimension)) return translate(`enums.${dimension}.${key}`, { _: key });
    if (dimension === 'municipality') {
      const found = municipalities?.find((m) => m.id === key);
      return found ? (locale === 'en' ? found.name_en : found.name_ja) : key;
    }
    try {
      return names?.of(key) ?? key;
    } catch {
      return key; // a malformed code from old data: show it rather than fail the page
    }
  };
};
