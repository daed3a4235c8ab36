import type { ja_calendar } from './ja_calendar';
import type { SameKeys } from './shape';

export const en_calendar: SameKeys<typeof ja_calendar> = {
  resources: { settings: { fields: { max_expense_yen: 'Most one expense may be (yen)' } } },
  closed_dates: {
    period: 'Period',
    yearly: 'Every year %{from}–%{to}',
    to_hint: 'The same as the start date for a single day',
    reason_hint: 'Shown when a request’s date is refused (e.g. year-end holidays)',
    every_year_hint: 'Repeats on the same dates every year (such as 12/29–1/3); it may run over the new year',
    hint: 'Closed: %{periods}',
  },
};
