import type { ja_totp } from './ja_totp';
import type { SameKeys } from './shape';

export const en_totp: SameKeys<typeof ja_totp> = {
  totp: {
    menu: 'Two-factor authentication',
    title: 'Two-factor authentication',
    intro:
      'When you sign in, you type your password and then the 6-digit code shown by an authenticator app on your phone (Google Authenticator, Microsoft Authenticator…).',
    status_on: 'Two-factor authentication is on (set up on %{date}).',
    status_off: 'Two-factor authentication is not set up.',
    required: 'Your role must use two-factor authentication.',
    optional: 'Two-factor authentication is optional for you, but recommended.',
    recovery_remaining: 'Recovery codes left: %{count}',
    code: 'Code',
    code_or_recovery: 'Code (or a recovery code)',
    code_hint: 'The 6 digits shown in your authenticator app. Without your phone, type one of your recovery codes.',
    verify: 'Verify',
    cancel: 'Cancel',
    back_to_login: 'Back to sign-in',
    login: {
      code_explain: 'Type the 6-digit code shown in your authenticator app.',
      enrol_title: 'Set up two-factor authentication',
      enrol_explain: 'This account must use two-factor authentication. You are signed in once it is set up (within 15 minutes).',
    },
    enrol: {
      start: 'Set up',
      redo: 'Set up again (new phone)',
      redo_explain: 'Type a code from your current app to make a new key. Your current key keeps working until the new one is confirmed.',
      scan: '1. Scan this QR code with your authenticator app.',
      qr_alt: 'QR code to set up two-factor authentication',
      manual: 'If you cannot scan it, type this key into the app (time-based, 6 digits, 30 seconds).',
      key: 'Key',
      confirm: '2. Type the 6-digit code the app shows and press "Verify".',
      done: 'Two-factor authentication is set up.',
    },
    recovery: {
      title: 'Recovery codes',
      explain:
        'Each works once instead of a code, for when you lose your phone. They are not shown again once you leave this screen: print them or keep them somewhere safe.',
      copy: 'Copy',
      copied: 'Recovery codes copied.',
      copy_failed: 'Could not copy. Select the codes and copy them.',
      continue: 'I have kept them. Continue',
      regenerate: 'Make new recovery codes',
      regenerate_explain: 'Makes 10 new codes; the old ones stop working. Type a code to confirm.',
      regenerated: 'New recovery codes made.',
    },
    disable: {
      button: 'Turn off two-factor authentication',
      explain: 'Once off, your password alone signs you in. Type a code to confirm.',
      done: 'Two-factor authentication is off.',
    },
    reset: {
      button: 'Reset two-factor authentication',
      title: 'Reset two-factor authentication of %{name}',
      explain:
        'For someone who lost their phone: removes their key and recovery codes and ends their sessions. If two-factor authentication is required for them, they set it up again at their next sign-in. This is recorded in the audit log.',
      confirm: 'Reset',
      done: 'Two-factor authentication was reset.',
    },
    settings_helper: 'Always required for admins. When on, every staff member uses it from their next sign-in.',
  },
  resources: {
    totp: { name: 'Two-factor authentication' },
    staff: { fields: { totp_enabled: 'Two-factor authentication' } },
    settings: { fields: { totp_required_for_all: 'Require two-factor authentication for everyone' } },
  },
};
