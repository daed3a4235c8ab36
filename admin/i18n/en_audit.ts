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
};
