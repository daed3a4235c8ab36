import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { audit } from '../http/audit.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { actor, requireLogin } from '../http/guard.js';
import { clearHits, hitsSince, rateLimited, recordHit } from '../http/rate-limit.js';
import { idParam, parseWith } from '../http/validate.js';
import { PasswordSchema } from '../staff/resource.js';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password.js';
import type { SessionStaff, SessionStore } from './session-store.js';

export const SESSION_COOKIE = 'sid';
const WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_EMAIL = 10;
const MAX_FAILURES_PER_IP = 50;

export const LoginSchema = z
  .object({
    email: z.string({ error: 'メールアドレスを入力してください。' }).trim().min(1).max(254),
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
  /** After a correct password: answers with the TOTP step instead of a session when TOTP applies (auth/totp-routes.ts). */
  secondFactor?: (req: Request, res: Response, staff: SessionStaff & { active: boolean }) => Promise<boolean>;
};

export function authRouter({ db, sessions, cookieSecure, secondFactor }: AuthOptions): Router {
  const router = Router();

  const setCookie = (req: Request, res: Response, value: string, expires: Date) =>
    res.cookie(SESSION_COOKIE, value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: cookieSecure ?? req.secure,
      path: '/',
      expires,
    });

  router.post('/login', async (req, res) => {
    const { email, password } = parseWith(LoginSchema, req.body, 'ログイン情報');
    const emailBucket = `login:email:${email.toLowerCase()}`;
    const ipBucket = `login:ip:${req.ip}`;
    if (
      (await hitsSince(db, emailBucket, WINDOW_MINUTES)) >= MAX_FAILURES_PER_EMAIL ||
      (await hitsSince(db, ipBucket, WINDOW_MINUTES)) >= MAX_FAILURES_PER_IP
    ) {
      throw rateLimited('ログインの失敗が続いたため、しばらく時間をおいてからお試しください。');
    }
    const row = await db('staff').whereRaw('lower(email) = ?', [email.toLowerCase()]).andWhere('active', true).first();
    const ok = row ? await verifyPassword(password, row.password_hash) : await verifyAgainstNothing(password);
    if (!row || !ok) {
      await recordHit(db, emailBucket);
      await recordHit(db, ipBucket);
      throw new AppError('unauthenticated', 'メールアドレスまたはパスワードが正しくありません。');
    }
    if (secondFactor && (await secondFactor(req, res, row))) return;
    const session = await db.transaction(async (trx) => {
      // Rotation: whatever session the browser had before is ended, a fresh one issued.
      await sessions.destroy(trx, req.cookies?.[SESSION_COOKIE]);
      await sessions.purgeExpired(trx);
      await clearHits(trx, emailBucket);
      await audit(trx, { staff_id: row.id, action: 'login', resource: 'auth', record_id: row.id });
      return sessions.create(trx, row.id);
    });
    setCookie(req, res, session.cookie, session.expires);
    res.json(toStaff(row));
  });

  router.post('/logout', async (req, res) => {
    await db.transaction(async (trx) => {
      if (req.staff) await audit(trx, { staff_id: req.staff.id, action: 'logout', resource: 'auth', record_id: req.staff.id });
      await sessions.destroy(trx, req.cookies?.[SESSION_COOKIE]);
    });
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookieSecure ?? req.secure });
    res.status(204).end();
  });

  router.get('/me', requireLogin, (req, res) => {
    res.json(toStaff(actor(req)));
  });

  return router;
}

export const PasswordChangeSchema = z.object({ password: PasswordSchema }).strict();

/** PUT /api/staff/:id/password — an admin for anyone, anyone for themself. */
export function passwordRouter({ db, sessions }: AuthOptions): Router {
  const router = Router();
  router.put('/:id/password', requireLogin, async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    const me = actor(req);
    if (me.role !== 'admin' && me.id !== id) throw forbidden('他のスタッフのパスワードは変更できません。');
    const { password } = parseWith(PasswordChangeSchema, req.body);
    const hash = await hashPassword(password);
    await db.transaction(async (trx) => {
      const count = await trx('staff').where('id', id).update({ password_hash: hash, updated_at: trx.fn.now() });
      if (!count) throw notFound('スタッフ');
      // Other sessions of that person end; the one making the change stays signed in.
      const keep = req.cookies?.[SESSION_COOKIE];
      await sessions.destroyAllOf(trx, id);
      if (me.id === id && keep) {
        const fresh = await sessions.create(trx, id);
        res.cookie(SESSION_COOKIE, fresh.cookie, { httpOnly: true, sameSite: 'strict', path: '/', expires: fresh.expires });
      }
      await audit(trx, { staff_id: me.id, action: 'update', resource: 'staff', record_id: id, changed_fields: ['password'] });
    });
    res.status(204).end();
  });
  return router;
}
