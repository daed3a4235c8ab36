import english_messages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { en_account } from './en_account';
import { en_workday } from './en_workday';
import { en_matching } from './en_matching';
import { en_casework } from './en_casework';
import { en_enums } from '../../server/domain/messages/en_enums';
import { en_reports } from './en_reports';
import { en_totp } from './en_totp';
import { en_calendar } from './en_calendar';
import { en_privacy } from './en_privacy';
import { en_outbox } from './en_outbox';
import { en_resources } from '../../server/domain/messages/en_resources';
import type { ja_app } from './ja';
import { mergeMessages, type SameKeys } from './shape';

const en_app: SameKeys<typeof ja_app> = {
  app: {
    title: 'Spot Otonari-san back office',
    language: 'Language',
    incomplete_date: 'Finish the date or time (for example 2026/12/01 10:00)',
  },
  lists: {
    range: '%{from}–%{to} of %{total}',
    approx_range: '%{from}–%{to} of about %{total}',
    rows_per_page: 'Rows per page:',
    depth: 'Rows after the %{limit}th cannot be shown: narrow the filter.',
  },
  dashboard: {
    greeting: 'Hello, %{name}',
    requests_by_status: 'Requests by status',
    unavailable: '—',
    id_checks_due: 'Volunteers whose ID check expires within %{days} days',
    id_checks_due_none: 'No ID check expires within %{days} days.',
    show_all: 'See them all in the list',
  },
  people: {
    archived: 'Archived',
    within_days: 'Within %{days} days',
    duplicates: {
      title: 'This person may already be registered',
      hint: 'Please check before saving (links open in a new tab).',
      match: { phone: 'Same phone', email: 'Same email', name: 'Same name', kana: 'Same kana reading' },
    },
  },
  availability: {
    hint: 'Monday to Saturday between %{start} and %{end}, in half hours.',
    empty: 'No time slots yet. Press "Add a time slot".',
    none: 'None registered',
    add: 'Add a time slot',
    remove: 'Remove time slot %{row}',
    row: 'Time slot %{row}',
    weekday: 'Day',
    start: 'From',
    end: 'To',
    has_problems: 'Some time slots need fixing (shown in red).',
    weekdays: { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat' },
  },
  imports: {
    menu: 'CSV import',
    title: 'Import a CSV file',
    kind: 'Import into',
    file_hint: 'Choose a CSV file with column names in its first row, then press "Check". Checking registers nothing.',
    choose_file: 'Choose a file',
    no_file: 'No file chosen',
    check: 'Check',
    import: 'Import',
    progress: 'Upload progress',
    uploading: 'Sending the file… %{percent}%',
    processing: 'The server is checking the rows…',
    total_rows: 'Rows',
    valid_rows: 'Rows ready',
    error_count: 'Errors',
    errors_title: 'Rows with errors',
    warning_count: 'Possible duplicates',
    warnings_title: 'Rows that may be duplicates',
    check_duplicates:
      '%{rows} of %{total} rows may be people already registered, or listed twice in the file. Check the list below: importing them as they are registers the same person twice.',
    accept_duplicates: 'I have checked the possible duplicates (import these %{rows} rows as well)',
    sample: 'Download the sample file (%{name})',
    row: 'Row',
    column: 'Column',
    message: 'Problem',
    preview_title: 'What will be imported (first %{count})',
    fix_errors: 'Fix the rows with errors, choose the file again and check it again. Importing is possible once there are no errors.',
    ready: 'No errors. Press "Import" to register %{count} records.',
    done: 'Imported %{count} records.',
    failed: 'The import failed. Nothing was registered.',
    open_list: 'Open the list',
    forbidden: 'You may not import CSV files.',
  },
  ra: {
    auth: { username: 'Email' },
    page: { show: '%{name} %{recordRepresentation}', edit: 'Edit %{name} %{recordRepresentation}' },
  },
  resources: en_resources,
  enums: en_enums,
  reports: en_reports,
};

export const en_messages: TranslationMessages = mergeMessages<TranslationMessages>(
  english_messages,
  en_app,
  en_casework,
  en_account,
  en_totp,
  en_calendar,
  en_privacy,
  en_workday,
  en_matching,
  en_outbox,
);
