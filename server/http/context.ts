import type { SessionStaff } from '../auth/session-store.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The signed-in staff member, set by the session middleware. */
      staff?: SessionStaff;
    }
  }
}

export type Actor = SessionStaff;
