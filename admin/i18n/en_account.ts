import type { ja_account } from './ja_account';
import type { SameKeys } from './shape';

export const en_account: SameKeys<typeof ja_account> = {
  account: {
    sessions: {
      menu: 'Signed-in devices',
      title: 'Signed-in devices',
      hint: 'Devices signed in to your account. If you do not recognise one, press "End" and change your password.',
      device: 'Device (browser)',
      ip: 'IP address',
      created_at: 'Signed in',
      last_seen_at: 'Last used',
      expires_at: 'Signs out at',
      current: 'This device',
      unknown_device: 'Unknown device',
      end: 'End',
      end_title: 'End the session on this device?',
      end_content: 'The session on %{device} (%{ip}) ends. That device will need to sign in again.',
      end_current_content: 'This ends the session on the device you are using now, and takes you back to the sign-in page.',
      ended: 'The session has ended.',
      empty: 'No device is signed in.',
    },
  },
};
