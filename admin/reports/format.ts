import type { Value } from './useReport';

/** How a figure reads: a count, a share, a number of days or hours, or yen. */
export type Measure = 'count' | 'rate' | 'days' | 'hours' | 'yen';

const FORMATS: Record<Measure, Intl.NumberFormatOptions> = {
  count: { maximumFractionDigits: 0 },
  rate: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
  days: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  hours: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  yen: { style: 'currency', currency: 'JPY' },
};

const DASH = '—';

/** A suppressed value ('<3', '*') is shown as the server wrote it; a missing one as a dash. */
export const formatValue = (value: Value, measure: Measure, locale: string): string => {
  if (value == null) return DASH;
  if (typeof value === 'string') return value;
  return value.toLocaleString(locale, FORMATS[measure]);
};

export type Change = { direction: 'up' | 'down' | 'same'; text: string } | null;

/**
 * The change from the previous period, or null when either side is hidden or missing (a
 * difference from '<3' would reveal what the suppression hides). Rates change in points.
 */
export const changeOf = (value: Value, previous: Value, measure: Measure, locale: string): Change => {
  if (typeof value !== 'number' || typeof previous !== 'number') return null;
  const raw = measure === 'rate' ? (value - previous) * 100 : value - previous;
  const delta = Math.round(raw * 10) / 10;
  if (delta === 0) return { direction: 'same', text: '±0' };
  const size = Math.abs(delta);
  const text =
    measure === 'rate'
      ? `${size.toLocaleString(locale, { maximumFractionDigits: 1 })}pt`
      : size.toLocaleString(locale, measure === 'yen' ? FORMATS.yen : { maximumFractionDigits: 1 });
  // Plain signs: in Japanese accounting ▲ marks a decrease, so it must not mark an increase.
  return delta > 0 ? { direction: 'up', text: `+${text}` } : { direction: 'down', text: `−${text}` };
};

/** Charts plot numbers only: a suppressed cell leaves a gap rather than a made-up bar. */
export const plotted = (value: Value): number | null => (typeof value === 'number' ? value : null);

/** '2026-11' as '2026年11月' or 'November 2026', read as the calendar month it names. */
export const formatMonth = (month: string, locale: string): string =>
  new Date(`${month}-15T00:00:00Z`).toLocaleDateString(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
