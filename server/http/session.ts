import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import { parse as parseCookies } from 'cookie';
import { SESSION_COOKIE } from '../auth/session-cookie.js';
import type { SessionStore } from '../auth/session-store.js';
import './context.js';

/** Reads the session cookie and, when it is valid, puts the staff member on the request. */
export function sessionMiddleware(db: Knex, sessions: SessionStore): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('cookie');
    req.cookies = header ? parseCookies(header) : {};
    const staff = await sessions.resolve(db, req.cookies[SESSION_COOKIE]);
    if (staff) req.staff = staff;
    next();
  };
}
