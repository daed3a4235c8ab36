import { text } from '../core/fields.js';
import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { audit } from '../core/audit.js';
import { schemaText } from '../core/messages.js';
import { AppError, conflict, notFound, validation } from '../core/errors.js';
import { actor, guard, requireLogin } from '../http/guard.js';
import { idParam, parseWith } from '../core/validate.js';
import type { SessionStore } from './session-store.js';
import { SESSION_COOKIE } from './routes.js';
import { originOf } from './session-cookie.js';
import { type StaffRow, type TotpService, wrongCode } from './totp.js';

/** The signed, httpOnly cookie of the state between the password and the code. */
export const CHALLENGE_COOKIE = 'sid_2fa';
const CHALLENGE_PATH = '/api/auth';

const Code = text({ messages: { required: schemaText('totp.code_required') } })
  .trim()
  .min(1, schemaText('totp.code_required'))
  .max(40, '確認コードが長すぎます。');

/** A six-digit code from the app, or one of the recovery codes. */
export const TotpLoginSchema = z.object({ code: Code }).strict();
export const TotpCodeSchema = z.object({ code: Code }).strict();
/** Starting an enrolment needs a current code only when TOTP is already on (moving to a new phone). */
export const TotpEnrolSchema = z.object({ code: Code.optional() }).strict();

export type TotpRouteOptions = { totp: TotpService; sessions: SessionStore; cookieSecure: boolean | undefined };

const publicStaff = (s: { id: number; email: string; display_name: string; role: string }) => ({
  id: s.id,
  email: s.email,
  display_name: s.display_name,
  role: s.role,
});

const sessionExpired = () => new AppError('unauthenticated', 'totp.challenge_expired');

function cookies({ cookieSecure }: TotpRouteOptions) {
  const base = (req: Request) => ({ httpOnly: true, sameSite: 'strict' as const, secure: cookieSecure ?? req.secure });
  return {
    setSession: (req: Request, res: Response, value: string, expires: Date) =>
      res.cookie(SESSION_COOKIE, value, { ...base(req), path: '/', expires }),
    // Max-Age rather than an end date: the browser's clock need not agree with the server's.
    setChallenge: (req: Request, res: Response, value: string, lifetimeMs: number) =>
      res.cookie(CHALLENGE_COOKIE, value, { ...base(req), path: CHALLENGE_PATH, maxAge: lifetimeMs }),
    clearChallenge: (req: Request, res: Response) => res.clearCookie(CHALLENGE_COOKIE, { ...base(req), path: CHALLENGE_PATH }),
  };
}

/**
 * The login handler's second step, called once the password is right. When TOTP applies it
 * answers `{"second_factor": "totp"}` (enrolled) or `{"second_factor": "totp_enrolment"}` (must
 * enrol first) with a short-lived challenge cookie instead of a session, and returns true.
 */
export function secondFactorStep(options: TotpRouteOptions) {
  const { totp } = options;
  const c = cookies(options);
  return async (req: Request, res: Response, staff: StaffRow): Promise<boolean> => {
    const enabled = await totp.isEnabled(totp.db, staff.id);
    if (!enabled && !(await totp.isRequired(totp.db, staff.role))) return false;
    const purpose = enabled ? 'totp' : 'enrol';
    const challenge = await totp.db.transaction(async (trx) => {
      await totp.dropChallenge(trx, req.cookies?.[CHALLENGE_COOKIE]);
      return totp.createChallenge(trx, staff.id, purpose);
    });
    c.setChallenge(req, res, challenge.cookie, challenge.expires.getTime() - totp.now().getTime());
    res.json({ second_factor: enabled ? 'totp' : 'totp_enrolment', expires_at: challenge.expires.toISOString() });
    return true;
  };
}

/** Routes under /api/auth: the code step of login, and one's own TOTP (status, enrol, recovery codes, disable). */
export function totpRouter(options: TotpRouteOptions): Router {
  const { totp, sessions } = options;
  const db = totp.db;
  const c = cookies(options);
  const router = Router();

  /** Ends the challenge and opens a real session, in the caller's transaction. */
  const openSession = async (trx: Knex.Transaction, req: Request, staffId: number) => {
    await totp.dropChallenge(trx, req.cookies?.[CHALLENGE_COOKIE]);
    await sessions.destroy(trx, req.cookies?.[SESSION_COOKIE]);
    await sessions.purgeExpired(trx);
    return sessions.create(trx, staffId, originOf(req));
  };

  router.post('/login/totp', async (req, res) => {
    const { code } = parseWith(TotpLoginSchema, req.body, 'noun.code');
    const staff = await totp.resolveChallenge(db, req.cookies?.[CHALLENGE_COOKIE], 'totp');
    if (!staff) throw sessionExpired();
    await totp.assertNotThrottled(req, staff.id);
    const session = await db.transaction(async (trx) => {
      const kind = await totp.consumeCode(trx, staff.id, code);
      if (!kind) return undefined;
      const details: Record<string, unknown> = { second_factor: kind };
      if (kind === 'recovery_code') details.recovery_codes_remaining = await totp.remainingRecoveryCodes(trx, staff.id);
      await totp.clearFailures(trx, req, staff.id);
      const opened = await openSession(trx, req, staff.id);
      // Beyond the most recent sessions the oldest were ended: say so, as the password login does.
      if (opened.ended) details.ended_sessions = opened.ended;
      await audit(trx, { staff_id: staff.id, action: 'login', resource: 'auth', record_id: staff.id, details });
      return opened;
    });
    if (!session) {
      await totp.recordFailure(req, staff.id);
      throw new AppError('unauthenticated', 'totp.wrong_code', { code: 'totp.wrong_code' });
    }
    c.clearChallenge(req, res);
    c.setSession(req, res, session.cookie, session.expires);
    res.json(publicStaff(staff));
  });

  /** Who is enrolling: the signed-in person, or someone who must enrol before a session. */
  const enrollee = async (req: Request): Promise<{ staff: StaffRow; viaChallenge: boolean }> => {
    if (req.staff) return { staff: { ...req.staff, active: true }, viaChallenge: false };
    const staff = await totp.resolveChallenge(db, req.cookies?.[CHALLENGE_COOKIE], 'enrol');
    if (!staff) throw new AppError('unauthenticated', 'login_required');
    return { staff, viaChallenge: true };
  };

  router.get('/totp', async (req, res) => {
    const { staff } = await enrollee(req);
    res.json(await totp.status(staff.id, staff.role));
  });

  router.post('/totp/enrolment', async (req, res) => {
    const { code } = parseWith(TotpEnrolSchema, req.body ?? {}, 'noun.code');
    const { staff } = await enrollee(req);
    const enabled = await totp.isEnabled(db, staff.id);
    if (enabled && !code) {
      throw validation('totp.code_required_to_reset', {
        code: 'totp.code_required',
      });
    }
    if (enabled) await totp.assertNotThrottled(req, staff.id);
    const started = await db.transaction(async (trx) => {
      if (enabled && !(await totp.consumeCode(trx, staff.id, code!))) return undefined;
      const result = await totp.startEnrolment(trx, staff);
      await audit(trx, {
        staff_id: staff.id,
        action: 'update',
        resource: 'totp',
        record_id: staff.id,
        changed_fields: ['pending_secret'],
        details: { event: 'enrolment_started' },
      });
      return result;
    });
    if (!started) {
      await totp.recordFailure(req, staff.id);
      throw wrongCode();
    }
    res.status(201).json(started);
  });

  router.post('/totp/enrolment/confirm', async (req, res) => {
    const { code } = parseWith(TotpCodeSchema, req.body, 'noun.code');
    const { staff, viaChallenge } = await enrollee(req);
    await totp.assertNotThrottled(req, staff.id);
    const done = await db.transaction(async (trx) => {
      const confirmed = await totp.confirmEnrolment(trx, staff.id, code);
      if (!confirmed) return undefined;
      const recovery_codes = await totp.replaceRecoveryCodes(trx, staff.id);
      await totp.clearFailures(trx, req, staff.id);
      await audit(trx, {
        staff_id: staff.id,
        action: confirmed.wasEnabled ? 'update' : 'create',
        resource: 'totp',
        record_id: staff.id,
        changed_fields: ['secret', 'recovery_codes'],
        details: { event: confirmed.wasEnabled ? 're_enrolled' : 'enabled' },
      });
      if (!viaChallenge) return { recovery_codes };
      // Enrolment was the condition of the login: it is complete now.
      const session = await openSession(trx, req, staff.id);
      const details = { second_factor: 'totp_enrolment', ...(session.ended ? { ended_sessions: session.ended } : {}) };
      await audit(trx, { staff_id: staff.id, action: 'login', resource: 'auth', record_id: staff.id, details });
      return { recovery_codes, session };
    });
    if (!done) {
      await totp.recordFailure(req, staff.id);
      throw wrongCode();
    }
    if (done.session) {
      c.clearChallenge(req, res);
      c.setSession(req, res, done.session.cookie, done.session.expires);
    }
    res.json({ recovery_codes: done.recovery_codes, ...(done.session ? { staff: publicStaff(staff) } : {}) });
  });

  /** Runs `change` with a current code of the signed-in person; a wrong code is counted. */
  const withCurrentCode = async <T>(req: Request, change: (trx: Knex.Transaction) => Promise<T>) => {
    const me = actor(req);
    const { code } = parseWith(TotpCodeSchema, req.body, 'noun.code');
    if (!(await totp.isEnabled(db, me.id))) throw conflict('totp.not_enabled');
    await totp.assertNotThrottled(req, me.id);
    const result = await db.transaction(async (trx) => {
      if (!(await totp.consumeCode(trx, me.id, code))) return { ok: false as const };
      await totp.clearFailures(trx, req, me.id);
      return { ok: true as const, value: await change(trx) };
    });
    if (!result.ok) {
      await totp.recordFailure(req, me.id);
      throw wrongCode();
    }
    return result.value;
  };

  router.post('/totp/recovery-codes', requireLogin, async (req, res) => {
    const me = actor(req);
    const recovery_codes = await withCurrentCode(req, async (trx) => {
      const codes = await totp.replaceRecoveryCodes(trx, me.id);
      await audit(trx, {
        staff_id: me.id,
        action: 'update',
        resource: 'totp',
        record_id: me.id,
        changed_fields: ['recovery_codes'],
        details: { event: 'recovery_codes_regenerated' },
      });
      return codes;
    });
    res.json({ recovery_codes });
  });

  router.post('/totp/disable', requireLogin, async (req, res) => {
    const me = actor(req);
    if (await totp.isRequired(db, me.role)) {
      throw conflict('totp.required_for_role');
    }
    await withCurrentCode(req, async (trx) => {
      await totp.remove(trx, me.id);
      await audit(trx, {
        staff_id: me.id,
        action: 'delete',
        resource: 'totp',
        record_id: me.id,
        changed_fields: ['secret', 'recovery_codes'],
        details: { event: 'disabled' },
      });
    });
    res.status(204).end();
  });

  return router;
}

/** POST /api/staff/:id/totp/reset — an admin removes another person's TOTP (lost phone). */
export function totpResetRouter({ totp, sessions }: TotpRouteOptions): Router {
  const router = Router();
  router.post('/:id/totp/reset', guard('staff', 'reset_totp'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    const me = actor(req);
    if (me.id === id) throw validation('totp.own_reset');
    await totp.db.transaction(async (trx) => {
      const target = await trx('staff').where('id', id).first('id');
      if (!target) throw notFound('noun.staff');
      if (!(await totp.remove(trx, id))) throw conflict('totp.staff_not_enrolled');
      // Whatever they were signed in with ends: the next login asks for a new enrolment where required.
      await trx('login_challenges').where('staff_id', id).delete();
      await sessions.destroyAllOf(trx, id);
      await audit(trx, {
        staff_id: me.id,
        action: 'delete',
        resource: 'totp',
        record_id: id,
        changed_fields: ['secret', 'recovery_codes'],
        details: { event: 'reset_by_admin' },
      });
    });
    res.status(204).end();
  });
  return router;
}
