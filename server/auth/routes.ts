import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { canAccess } from '../domain/roles.js';
import { audit } from '../core/audit.js';
import { text } from '../core/fields.js';
import { schemaText } from '../core/messages.js';
import { AppError, fieldError, forbidden, notFound } from '../core/errors.js';
import { actor, requireLogin } from '../http/guard.js';
import { idParam, parseWith } from '../core/validate.js';
import { PasswordSchema } from '../staff/resource.js';
import { loginThrottle, type LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password.js';
import { clearSessionCookie, originOf, SESSION_COOKIE, setSessionCookie } from './session-cookie.js';
import type { SessionStaff, SessionStore } from './session-store.js';

export { SESSION_COOKIE } from './session-cookie.js';

export const LoginSchema = z
  .object({
    email: text({ messages: { required: 'メールアドレスを入力してください。' } })
      .trim()
      .min(1)
      .max(254),
    password: z.string({ error: 'パスワードを入力してください。' }).min(1).max(200),
  })
  .strict();

const toStaff = (row: SessionStaff): SessionStaff => ({
  id: row.id,
  email: row.email,
  display_name: row.display_name,
  role: row.role,
});

export type AuthOptions = {
  db: Knex;
  sessions: SessionStore;
  cookieSecure: boolean | undefined;
  throttle?: LoginThrottle;
  /** After a correct password: answers with the TOTP step instead of a session when TOTP applies (auth/totp-routes.ts). */
  secondFactor?: (req: Request, res: Response, staff: SessionStaff & { active: boolean }) => Promise<boolean>;
};

export function authRouter({ db, sessions, cookieSecure, throttle = loginThrottle(db), secondFactor }: AuthOptions): Router {
  const router = Router();

  router.post('/login', async (req, res) => {
    const { email, password } = parseWith(LoginSchema, req.body, 'noun.login');
    await throttle.check(email, req.ip);
    const row = await db('staff').whereRaw('lower(email) = ?', [email.toLowerCase()]).first();
    const ok = row ? await verifyPassword(password, row.password_hash) : await verifyAgainstNothing(password);
    if (!row || !ok) {
      await throttle.fail(email, req.ip);
      throw new AppError('unauthenticated', 'auth.wrong_password');
    }
    // Only someone who knows the password learns that the account was switched off, and whom to ask.
    if (!row.active) {
      await throttle.fail(email, req.ip);
      throw new AppError('forbidden', 'auth.deactivated');
    }
    await throttle.succeed(email, req.ip);
    if (secondFactor && (await secondFactor(req, res, row))) return;
    const session = await db.transaction(async (trx) => {
      // Rotation: whatever session the browser had before is ended, a fresh one issued.
      await sessions.destroy(trx, req.cookies?.[SESSION_COOKIE]);
      await sessions.purgeExpired(trx);
      const created = await sessions.create(trx, row.id, originOf(req));
      // Beyond the most recent sessions the oldest were ended: say so in the audit log.
      const details = created.ended ? { ended_sessions: created.ended } : undefined;
      await audit(trx, { staff_id: row.id, action: 'login', resource: 'auth', record_id: row.id, details });
      return created;
    });
    setSessionCookie(req, res, cookieSecure, session);
    res.json(toStaff(row));
  });

  router.post('/logout', async (req, res) => {
    await db.transaction(async (trx) => {
      if (req.staff) await audit(trx, { staff_id: req.staff.id, action: 'logout', resource: 'auth', record_id: req.staff.id });
      await sessions.destroy(trx, req.cookies?.[SESSION_COOKIE]);
    });
    clearSessionCookie(req, res, cookieSecure);
    res.status(204).end();
  });

  router.get('/me', requireLogin, (req, res) => {
    res.json(toStaff(actor(req)));
  });

  return router;
}

export const PasswordChangeSchema = z
  .object({
    password: PasswordSchema,
    /** Required to change one's own password; an admin setting someone else's leaves it out. */
    current_password: z
      .string({ error: schemaText('auth.current_password_required') })
      .min(1, schemaText('auth.current_password_required'))
      .max(200)
      .optional(),
  })
  .strict();

/**
 * PUT /api/staff/:id/password — an admin for anyone, anyone for themself. One's own change needs
 * the current password, checked under the login limits (a stolen session cannot guess it).
 */
export function passwordRouter({ db, sessions, cookieSecure, throttle = loginThrottle(db) }: AuthOptions): Router {
  const router = Router();
  router.put('/:id/password', requireLogin, async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    const me = actor(req);
    if (me.id !== id && !canAccess(me.role, 'staff', 'set_password')) throw forbidden('auth.other_password');
    const { password, current_password } = parseWith(PasswordChangeSchema, req.body);
    if (me.id === id) {
      if (!current_password) throw fieldError('current_password', 'auth.current_password_required');
      await throttle.check(me.email, req.ip);
      const row = await db('staff').where('id', id).first('password_hash');
      if (!row || !(await verifyPassword(current_password, row.password_hash))) {
        await throttle.fail(me.email, req.ip);
        throw fieldError('current_password', 'auth.current_password_wrong');
      }
      await throttle.succeed(me.email, req.ip);
    }
    const hash = await hashPassword(password);
    const fresh = await db.transaction(async (trx) => {
      const count = await trx('staff').where('id', id).update({ password_hash: hash, updated_at: trx.fn.now() });
      if (!count) throw notFound('noun.staff');
      // Other sessions of that person end; the one making the change stays signed in.
      await sessions.destroyAllOf(trx, id);
      // So does a sign-in half done with the old password (a code or enrolment step).
      await trx('login_challenges').where('staff_id', id).delete();
      await audit(trx, { staff_id: me.id, action: 'update', resource: 'staff', record_id: id, changed_fields: ['password'] });
      return me.id === id ? sessions.create(trx, id, originOf(req)) : undefined;
    });
    if (fresh) setSessionCookie(req, res, cookieSecure, fresh);
    res.status(204).end();
  });
  return router;
}
