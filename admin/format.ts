/**
 * Staff may open the console from anywhere (a laptop set to another time zone, a VPN), but
 * every time in this service is a Tokyo time: always format in Asia/Tokyo, never the browser's.
 */
export const TIME_ZONE = 'Asia/Tokyo';
export const DATE_LOCALE = 'ja-JP';

/**
 * Dates follow the console's language: 2026/10/31(土) in Japanese, Sat, 2026-10-31 in English
 * (year first in both, never the US month/day order). Set by the i18n provider on each change.
 */
let currentDateLocale = DATE_LOCALE;
export const setDateLocale = (locale: string) => {
  currentDateLocale = locale === 'en' ? 'en-CA' : DATE_LOCALE;
};
export const dateLocale = () => currentDateLocale;

export const DATE_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
};

export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  ...DATE_OPTIONS,
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

const TIME_OPTIONS: Intl.DateTimeFormatOptions = { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const SHORT_OPTIONS: Intl.DateTimeFormatOptions = { ...TIME_OPTIONS, month: 'numeric', day: 'numeric', weekday: 'short' };

/**
 * Props for react-admin's <DateField>. A calendar date ('2025-03-08') parses as UTC midnight,
 * which is the same day in Tokyo, so one time zone serves dates and timestamps alike.
 */
export const tokyoDateProps = (showTime: boolean) => ({
  locales: dateLocale(),
  options: showTime ? DATE_TIME_OPTIONS : DATE_OPTIONS,
  showTime,
});

/** The same formatting for text outside a field (headings, notifications). */
export const formatTokyo = (value: string | Date | null | undefined, showTime = true): string => {
  if (value == null || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(dateLocale(), showTime ? DATE_TIME_OPTIONS : DATE_OPTIONS);
};

/** '10:00' in Japan time, 24-hour. */
export const formatTokyoTime = (value: string | Date): string => new Date(value).toLocaleTimeString(dateLocale(), TIME_OPTIONS);

/** A day and time within the next weeks, without the year: 3/2(月) 10:00 or Mon, 3/2, 10:00. */
export const formatTokyoShort = (value: string | Date): string => new Date(value).toLocaleString(dateLocale(), SHORT_OPTIONS);
