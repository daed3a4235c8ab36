import { HttpError, type AuthProvider } from 'react-admin';
import type { Role } from '../../server/domain/enums';
import { getJson, postJson } from './api';
import { canRoleAccess } from './canAccess';

export type Staff = { id: number; email: string; display_name: string; role: Role };

// react-admin asks on every page and for every button; one /me per few minutes is plenty,
// since a session that ends in between shows up as a 401 on the next data request anyway.
const ME_TTL_MS = 5 * 60_000;
let cached: { staff: Promise<Staff | null>; at: number } | null = null;

const fetchMe = async (): Promise<Staff | null> => {
  try {
    return await getJson<Staff>('/auth/me');
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) return null;
    throw error;
  }
};

export const currentStaff = (): Promise<Staff | null> => {
  if (!cached || Date.now() - cached.at > ME_TTL_MS) {
    const staff = fetchMe();
    cached = { staff, at: Date.now() };
    // A network failure must not be remembered as the answer.
    staff.catch(() => {
      if (cached?.staff === staff) cached = null;
    });
  }
  return cached.staff;
};

const remember = (staff: Staff | null) => {
  cached = { staff: Promise.resolve(staff), at: Date.now() };
};

/** The login page (outside react-admin) signed this person in. */
export const rememberStaff = (staff: Staff) => remember(staff);

const requireStaff = async (): Promise<Staff> => {
  const staff = await currentStaff();
  if (!staff) throw new Error('ra.auth.auth_check_error');
  return staff;
};

export const authProvider: AuthProvider = {
  // The login page (totp/LoginPage) talks to the server itself, since a code or an enrolment
  // may follow the password; it hands over the signed-in staff member once there is a session.
  // react-admin's own form calls its first field "username"; ours holds an email.
  login: async (params: { staff: Staff } | { username: string; password: string }) => {
    if ('staff' in params) {
      remember(params.staff);
      return;
    }
    const answer = await postJson<Staff | { second_factor: string }>('/auth/login', { email: params.username, password: params.password });
    if ('second_factor' in answer) throw new Error('totp.login.code_explain');
    remember(answer);
  },
  logout: async () => {
    remember(null);
    // The session may already be gone (that is often why we are logging out).
    await postJson('/auth/logout').catch(() => undefined);
  },
  checkAuth: async () => {
    await requireStaff();
  },
  checkError: async (error: { status?: number }) => {
    if (error?.status === 401) {
      remember(null);
      throw error;
    }
    // 403 and everything else: react-admin only notifies; a forbidden action is no reason
    // to lose the session.
  },
  getIdentity: async () => {
    const staff = await requireStaff();
    return { id: staff.id, fullName: staff.display_name, email: staff.email, role: staff.role };
  },
  getPermissions: async () => (await currentStaff())?.role,
  canAccess: async ({ resource, action }) => canRoleAccess((await currentStaff())?.role, resource, action),
};
