import type { SameKeys } from './shape';
import type { ja_audit } from './ja_audit';

export const en_audit: SameKeys<typeof ja_audit> = {
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
};
