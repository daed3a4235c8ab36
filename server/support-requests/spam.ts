import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Role } from '../domain/enums.js';
import { audit } from '../core/audit.js';
import { writeContext } from '../core/context.js';
import { conflict, notFound, staleVersion } from '../core/errors.js';
import type { Row } from '../core/resource.js';
import { idParam, parseWith } from '../core/validate.js';
import { actor, guard } from '../http/guard.js';
import { requestBasicSearchText, requestSearchText } from './search.js';
import { changeStatus } from './status.js';

export const SPAM_REASON = '迷惑な送信（スパム）のため却下。送信者の情報は削除済み。';

export const SpamBody = z.object({ version: z.number({ error: '読み込んだ時点の version を送ってください。' }).int().positive() }).strict();

/**
 * POST /api/support-requests/:id/spam — a web-form request that is spam: rejected, and the
 * sender's data (the intake, the description, the consents given with it) erased. What the
 * reports count stays: the request's number, channel, category, task, dates and status.
 */
export function spamRouter(db: Knex, serialize: (row: Row, role: Role) => unknown): Router {
  const router = Router();
  router.post('/:id/spam', guard('support-requests', 'edit'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    const body = parseWith(SpamBody, req.body);
    const staff = actor(req);
    const row = await db.transaction(async (trx) => {
      const request = await trx('support_requests').where('id', id).forUpdate().first();
      if (!request) throw notFound('noun.request');
      if (request.version !== body.version) throw staleVersion();
      if (request.channel !== 'web_form' || request.client_id != null || request.status !== 'received') {
        throw conflict('request.spam_only_unlinked');
      }
      await changeStatus(writeContext(trx, staff), id, 'rejected', { reason: SPAM_REASON });
      await trx('consents').where('support_request_id', id).delete();
      await trx('support_requests')
        .where('id', id)
        .update({
          intake: null,
          description: null,
          place: null,
          search_text: requestSearchText(request.request_no, null, null, null),
          search_basic: requestBasicSearchText(request.request_no, null),
        });
      await audit(trx, {
        staff_id: staff.id,
        action: 'update',
        resource: 'support-requests',
        record_id: id,
        changed_fields: ['intake', 'description'],
        details: { spam: true },
      });
      return trx('support_requests').where('id', id).first();
    });
    res.json(serialize(row, staff.role));
  });
  return router;
}
