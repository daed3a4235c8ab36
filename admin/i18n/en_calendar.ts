import type { ja_calendar } from './ja_calendar';
import type { SameKeys } from './shape';

export const en_calendar: SameKeys<typeof ja_calendar> = {
  resources: {
    settings: {
      fields: {
        max_expense_yen: 'Most one expense may be (yen)',
        travel_gap_minutes: 'Travel time between activities in different municipalities (minutes)',
      },
    },
    'support-requests': { fields: { preferred_volunteer_gender: 'Volunteer gender wanted' } },
    volunteers: { fields: { gender: 'Gender (self-declared)' } },
    municipalities: { fields: { notes: 'Notes (check-up days, Saturday openings…)' } },
  },
  municipalities: {
    notes_hint: 'Shown as a warning beside request dates (e.g. child check-ups on the 2nd and 4th Tuesday)',
  },
  casework: {
    requests: {
      no_gender_preference: 'No preference',
      gender_preference_hint:
        'Only when it matters (pregnancy check-ups, gynaecology, some school meetings): candidates are then volunteers who declared that gender',
    },
  },
  volunteers: {
    gender_undeclared: 'Not declared',
    gender_hint: 'Optional. Used only to honour a request for same-gender help; never in exports for funders',
  },
  closed_dates: {
    period: 'Period',
    yearly: 'Every year %{from}–%{to}',
    to_hint: 'The same as the start date for a single day',
    reason_hint: 'Shown when a request’s date is refused (e.g. year-end holidays)',
    every_year_hint: 'Repeats on the same dates every year (such as 12/29–1/3); it may run over the new year',
    hint: 'Closed: %{periods}',
  },
};
