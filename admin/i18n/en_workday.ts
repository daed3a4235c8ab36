import type { SameKeys } from './shape';
import type { ja_workday } from './ja_workday';

export const en_workday: SameKeys<typeof ja_workday> = {
  audit: {
    history: 'Who read or changed this record',
    resources: {
      auth: 'Sign-in',
      sessions: 'Signed-in devices',
      totp: 'Two-factor authentication',
      imports: 'CSV import',
      settings: 'Settings',
      reports_monthly: 'Monthly report',
      'reports_fiscal-year': 'Fiscal-year report',
    },
    fields: { password: 'Password', totp: 'Two-factor authentication' },
  },
  staff_password: {
    button: 'Reset password',
    title: 'Reset the password of %{name}',
    explain: 'Choose a new password and tell it to the person in a safe way. Their other devices are signed out.',
    new: 'New password',
    hint: 'At least 10 characters',
    save: 'Reset',
    done: 'The password of %{name} was reset',
  },
  casework: { requests: { new_for_client: 'New request for this resident' } },
  eligibility_rule: {
    open: 'The service is open to everyone now (eligibility is recorded for reports).',
    members_only: 'Members only for now: OFP members and residents referred by a partner may use the service.',
    members_only_general:
      'Members only for now: requests from "General" residents are refused. Ask whether they are an OFP member or were referred by a partner, and choose that.',
  },
  my_work: {
    web_form: 'Requests from the web form',
    web_form_new: 'New, not yet checked',
    mine: 'Requests I coordinate',
    volunteers: 'Volunteers',
    waiting_answer: 'Offers waiting for an answer',
    today: 'Activities today',
    tomorrow: 'Activities tomorrow',
    settle: 'After the activity',
    report_due: 'Activity report not yet filed',
  },
  menu: {
    new_phone_request: 'Phone request',
    assignments: 'Assignments',
    unseen_answers: 'Assignments (%{smart_count} volunteer answer(s) not seen yet)',
  },
  expense_added: 'Added %{kind}: ¥%{amount}',
  timeline_messages: {
    report_filed: 'Activity report filed.',
    report_filed_outside: 'Activity report filed (outside service hours or over the time limit).',
    report_updated: 'Activity report updated.',
    edited: 'Changed: %{fields}',
    confirmed_time_changed: 'Changed: the confirmed time',
    expense_added: '%{kind} ¥%{amount} added',
    expense_settled: '%{kind} ¥%{amount} settled',
    expense_updated: '%{kind} ¥%{amount} updated',
    expenses_settled: '¥%{amount} settled (%{date})',
    assignment_moved: '%{volunteer}: %{from} → %{to}',
    assignment_new: '%{volunteer}: %{to}',
    web_form_received: 'Received through the web form',
  },
};
