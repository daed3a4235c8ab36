import type { Request, Response } from 'express';
import type { SessionOrigin } from './session-store.js';

export const SESSION_COOKIE = 'sid';

/**
 * The one place the session cookie is written or cleared, so every response that issues it
 * (login, a password change) gives it the same flags: httpOnly, SameSite=Strict, and Secure when
 * configured (COOKIE_SECURE) or when the request came over HTTPS.
 */
const flags = (req: Request, cookieSecure: boolean | undefined) =>
  ({ httpOnly: true, sameSite: 'strict', secure: cookieSecure ?? req.secure, path: '/' }) as const;

export function setSessionCookie(
  req: Request,
  res: Response,
  cookieSecure: boolean | undefined,
  session: { cookie: string; expires: Date },
): void {
  res.cookie(SESSION_COOKIE, session.cookie, { ...flags(req, cookieSecure), expires: session.expires });
}

export function clearSessionCookie(req: Request, res: Response, cookieSecure: boolean | undefined): void {
  res.clearCookie(SESSION_COOKIE, flags(req, cookieSecure));
}

/** The address and browser a session is opened from. */
export const originOf = (req: Request): SessionOrigin => ({ ip: req.ip, userAgent: req.get('user-agent') });
