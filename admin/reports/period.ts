import { TIME_ZONE } from '../format';

/** A report's period as the API names it: a calendar month, or a fiscal year from April to March. */
export type Selection = { kind: 'month'; month: string } | { kind: 'fiscal_year'; year: number };
export type Audience = 'internal' | 'external';

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month it is now in Tokyo, whatever the browser's time zone (YYYY-MM). */
export const tokyoMonth = (now = new Date()): string => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
};

export const isMonth = (value: string | null | undefined): value is string => !!value && YEAR_MONTH.test(value);

export const splitMonth = (month: string): [number, number] => [Number(month.slice(0, 4)), Number(month.slice(5, 7))];

export const joinMonth = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

export const addMonths = (month: string, count: number): string => {
  const [y, m] = splitMonth(month);
  const index = y * 12 + (m - 1) + count;
  return joinMonth(Math.floor(index / 12), (index % 12) + 1);
};

/** April starts the fiscal year: March 2027 belongs to fiscal year 2026. */
export const fiscalYearOf = (month: string): number => {
  const [y, m] = splitMonth(month);
  return m >= 4 ? y : y - 1;
};

/** The period a secretary most often wants: the last complete month. */
export const defaultMonth = (now = new Date()): string => addMonths(tokyoMonth(now), -1);

/** The query both the JSON report and its CSV take. */
export const periodQuery = (selection: Selection): Record<string, string> =>
  selection.kind === 'month' ? { month: selection.month } : { year: String(selection.year) };

export const reportPath = (selection: Selection, audience: Audience): string =>
  `/reports/${selection.kind === 'month' ? 'monthly' : 'fiscal-year'}?${new URLSearchParams({ ...periodQuery(selection), audience })}`;

export const exportPath = (selection: Selection, audience: Audience, lang: string, encoding: 'utf-8' | 'shift_jis'): string =>
  `/exports/${selection.kind === 'month' ? 'monthly' : 'fiscal-year'}.csv?${new URLSearchParams({ ...periodQuery(selection), audience, lang, encoding })}`;

/** The last day a period covers, from its exclusive end date (2026-11-01 → 2026-10-31). */
export const lastDayBefore = (endDate: string): string => {
  const day = new Date(`${endDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
};
