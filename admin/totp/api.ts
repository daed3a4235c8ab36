import type { Staff } from '../providers/authProvider';
import { requestJson } from '../providers/json';

// The light client, not the data provider's: the login page uses these before react-admin loads.
const getJson = <T>(path: string) => requestJson<T>('GET', path);
const post = <T>(path: string, body: unknown = {}) => requestJson<T>('POST', path, body);

/** The server's answer to a correct password when a code (or enrolment) is still needed. */
export type SecondFactor = { second_factor: 'totp' | 'totp_enrolment'; expires_at: string };
export type LoginAnswer = Staff | SecondFactor;
export const needsSecondFactor = (answer: LoginAnswer): answer is SecondFactor => 'second_factor' in answer;

export type TotpStatus = {
  enabled: boolean;
  enabled_at: string | null;
  required: boolean;
  recovery_codes_remaining: number;
  enrolment_pending: boolean;
};

export type Enrolment = { secret: string; otpauth_uri: string; qr_code: string; period: number; digits: number };
export type Confirmed = { recovery_codes: string[]; staff?: Staff };

export const totpApi = {
  login: (email: string, password: string) => post<LoginAnswer>('/auth/login', { email, password }),
  loginCode: (code: string) => post<Staff>('/auth/login/totp', { code }),
  status: () => getJson<TotpStatus>('/auth/totp'),
  startEnrolment: (code?: string) => post<Enrolment>('/auth/totp/enrolment', code ? { code } : {}),
  confirmEnrolment: (code: string) => post<Confirmed>('/auth/totp/enrolment/confirm', { code }),
  regenerateRecoveryCodes: (code: string) => post<{ recovery_codes: string[] }>('/auth/totp/recovery-codes', { code }),
  disable: (code: string) => post<null>('/auth/totp/disable', { code }),
  reset: (staffId: number | string) => post<null>(`/staff/${staffId}/totp/reset`),
};
