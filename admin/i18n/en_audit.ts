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
};
