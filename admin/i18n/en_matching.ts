import type { ja_matching } from './ja_matching';
import type { SameKeys } from './shape';

export const en_matching: SameKeys<typeof ja_matching> = {
  matching_notes: {
    language: 'Speaks the language of the request (+%{points})',
    client_language: "Speaks one of the resident's languages (+%{points})",
    online: 'Can help online',
    lives_in_area: "Lives in the request's municipality (+%{points})",
    serves_area: "Can help in the request's municipality (+%{points})",
    task_experience: 'Has done this kind of activity %{count} times (+%{points})',
    continuity: 'Has helped this resident before (+%{points})',
    fairness: 'Only %{count} activities in the last 30 days (+%{points})',
    id_check_expiring: 'ID check expires soon (%{date})',
    near_monthly_limit: 'One more activity this month reaches the limit (%{limit})',
    partial_availability: 'Available for only part of the time',
    no_time_yet: 'The request has no time yet: availability not checked',
    travel_time: 'Less than %{minutes} minutes from an in-person activity in another municipality the same day (check the travel time)',
  },
  matching_filters: {
    active: 'Active volunteer',
    id_check: 'ID check valid on the day',
    language: 'Speaks the language of the request (or of the resident)',
    mode_area: "In person: helps in the request's municipality / online: can help online",
    availability: 'Available at that time of the week',
    free: 'No confirmed activity at that time',
    monthly_limit: 'Below this month’s limit',
    gender: 'A %{gender} volunteer, as the request asks (as they state themselves)',
  },
  matching_misses: {
    active: 'Not active',
    id_check: 'No valid ID check on the day',
    language: 'Speaks neither the language of the request nor the resident’s',
    mode_area: "Cannot help in the request's municipality (or not online for an online request)",
    availability: 'Not available at that time of the week',
    free: 'Already confirmed for another activity at that time',
    monthly_limit: 'Has reached this month’s limit',
    gender: 'Not the gender the request asks for (as they state themselves)',
    id_check_expired: 'ID check must be renewed (expired %{date})',
  },
};
