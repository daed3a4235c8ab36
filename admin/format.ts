/**
 * Staff may open the console from anywhere (a laptop set to another time zone, a VPN), but
 * every time in this service is a Tokyo time: always format in Asia/Tokyo, never the browser's.
 */
export const TIME_ZONE = 'Asia/Tokyo';
export const DATE_LOCALE = 'ja-JP';

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
};

/**
 * Props for react-admin's <DateField>. A calendar date ('2025-03-08') parses as UTC midnight,
 * which is the same day in Tokyo, so one time zone serves dates and timestamps alike.
 */
export const tokyoDateProps = (showTime: boolean) => ({
  locales: DATE_LOCALE,
  options: showTime ? DATE_TIME_OPTIONS : DATE_OPTIONS,
  showTime,
});

/** The same formatting for text outside a field (headings, notifications). */
export const formatTokyo = (value: string | Date | null | undefined, showTime = true): string => {
  if (value == null || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(DATE_LOCALE, showTime ? DATE_TIME_OPTIONS : DATE_OPTIONS);
};
