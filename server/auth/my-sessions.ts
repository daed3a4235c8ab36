import { Router } from 'express';
import { z } from 'zod';
import { audit } from '../core/audit.js';
import { notFound } from '../core/errors.js';
import { actor, requireLogin } from '../http/guard.js';
import { parseWith } from '../core/validate.js';
import type { AuthOptions } from './routes.js';
import { clearSessionCookie, SESSION_COOKIE } from './session-cookie.js';

export const SessionIdParam = z.object({ id: z.uuid('端末の ID の形式が正しくありません。') }).strict();

/** One line of GET /api/auth/sessions, as documented. */
export const SessionInfoSchema = z.object({
  id: z.uuid(),
  created_at: z.iso.datetime({ offset: true }),
  last_seen_at: z.iso.datetime({ offset: true }),
  expires_at: z.iso.datetime({ offset: true }),
  user_agent: z.string().nullable(),
  ip: z.string().nullable(),
  current: z.boolean(),
});

/**
 * "My sessions" (ログイン中の端末): every staff member sees where they are signed in and can end
 * any of those sessions, and only their own.
 */
export function mySessionsRouter({ db, sessions, cookieSecure }: AuthOptions): Router {
  const router = Router();

  router.get('/sessions', requireLogin, async (req, res) => {
    res.json(await sessions.list(db, actor(req).id, req.cookies?.[SESSION_COOKIE]));
  });

  router.delete('/sessions/:id', requireLogin, async (req, res) => {
    const { id } = parseWith(SessionIdParam, req.params, 'noun.device');
    const me = actor(req);
    const ended = await db.transaction(async (trx) => {
      const found = await sessions.destroyOwn(trx, me.id, id, req.cookies?.[SESSION_COOKIE]);
      // Somebody else's session is "not found", exactly like one that does not exist.
      if (!found) throw notFound('noun.session_device');
      await audit(trx, { staff_id: me.id, action: 'delete', resource: 'sessions', record_id: id, details: { current: found.current } });
      return found;
    });
    if (ended.current) clearSessionCookie(req, res, cookieSecure);
    res.status(204).end();
  });

  return router;
}
