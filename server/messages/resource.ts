import { Router } from 'express';
import type { Knex } from 'knex';
import { audit } from '../core/audit.js';
import { conflict, notFound } from '../core/errors.js';
import { readOnlyResource } from '../core/resource.js';
import { idParam, parseWith } from '../core/validate.js';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from '../domain/enums.js';
import { actor, guard } from '../http/guard.js';
import { enumText, msg } from '../core/messages.js';

/** The outbox: read-only for staff; only retry and cancel change a message. */
export const messages = readOnlyResource({
  name: 'messages',
  list: {
    table: 'messages',
    fields: {
      id: 'int',
      kind: { enum: MESSAGE_KINDS },
      status: { enum: MESSAGE_STATUSES },
      request_id: 'int',
      assignment_id: 'int',
      volunteer_id: 'int',
      client_id: 'int',
      created_at: 'timestamp',
      sent_at: 'timestamp',
    },
    sortable: ['id', 'created_at', 'sent_at', 'status', 'kind'],
    defaultSort: ['id', 'DESC'],
  },
});

async function move(db: Knex, staffId: number, id: number, from: string[], update: Record<string, unknown>, what: string) {
  return db.transaction(async (trx) => {
    const row = await trx('messages').where('id', id).forUpdate().first('id', 'status');
    if (!row) throw notFound('noun.message');
    if (!from.includes(row.status))
      throw conflict(msg('message.bad_state', { status: enumText('message_status', row.status), action: what }));
    const [updated] = await trx('messages')
      .where('id', id)
      .update({ ...update, version: trx.raw('version + 1'), updated_at: trx.fn.now() })
      .returning('*');
    await audit(trx, {
      staff_id: staffId,
      action: 'status',
      resource: 'messages',
      record_id: id,
      changed_fields: ['status'],
      details: { from: row.status, to: updated.status },
    });
    return updated;
  });
}

/** POST /api/messages/:id/retry (failed or cancelled → queued again) and /:id/cancel. */
export function messageActionsRouter(db: Knex, afterWrite: () => void): Router {
  const router = Router();
  router.post('/:id/retry', guard('messages', 'edit'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    const row = await move(db, actor(req).id, id, ['failed', 'cancelled'], { status: 'queued', job_id: null, last_error: null }, '再送');
    afterWrite();
    res.json(row);
  });
  router.post('/:id/cancel', guard('messages', 'edit'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    res.json(await move(db, actor(req).id, id, ['queued', 'held', 'failed'], { status: 'cancelled' }, '取り消し'));
  });
  return router;
}
