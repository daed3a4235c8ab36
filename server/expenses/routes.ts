import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { SETTLEMENT_METHODS } from '../domain/enums.js';
import { audit } from '../core/audit.js';
import { AppError, conflict } from '../core/errors.js';
import { enumOf, isoDate } from '../core/fields.js';
import { actor, guard } from '../http/guard.js';
import { serializeRow } from '../core/serialize.js';
import { idParam, parseWith } from '../core/validate.js';
import { addEvent } from '../support-requests/timeline.js';
import { msg } from '../core/messages.js';

export const SettleBody = z
  .object({
    ids: z.array(z.number().int().positive()).min(1, '精算する費用を選んでください。').max(500),
    settled_on: isoDate(),
    settlement_method: enumOf(SETTLEMENT_METHODS),
  })
  .strict();

/** Owed, settled and outstanding yen of one request. */
export async function requestBalance(db: Knex | Knex.Transaction, requestId: number) {
  const row = await db('expenses')
    .where('request_id', requestId)
    .first(
      db.raw('coalesce(sum(amount_yen), 0) as owed_yen'),
      db.raw('coalesce(sum(amount_yen) filter (where settled_on is not null), 0) as settled_yen'),
      db.raw('count(*) filter (where settled_on is null) as outstanding_count'),
    );
  const owed = Number(row.owed_yen);
  const settled = Number(row.settled_yen);
  return {
    request_id: requestId,
    owed_yen: owed,
    settled_yen: settled,
    outstanding_yen: owed - settled,
    outstanding_count: Number(row.outstanding_count),
  };
}

/** POST /api/expenses/settle marks several settled at once, all or none; GET …/balance per request. */
export function expenseRouter(db: Knex): Router {
  const router = Router();
  router.post('/settle', guard('expenses', 'edit'), async (req, res) => {
    const body = parseWith(SettleBody, req.body);
    const ids = [...new Set(body.ids)];
    const rows = await db.transaction(async (trx) => {
      const found = await trx('expenses').whereIn('id', ids).forUpdate();
      if (found.length !== ids.length) throw new AppError('validation', 'expense.unknown', { ids: 'expense.unknown' });
      const settled = found.filter((e) => e.settled_on);
      if (settled.length) throw conflict(msg('expense.already_settled', { ids: settled.map((e) => e.id).join(', ') }));
      const fees = found.filter((e) => e.kind === 'transfer_fee');
      if (fees.length && body.settlement_method !== 'bank_transfer') {
        const message = msg('expense.fees_by_transfer', { ids: fees.map((e) => e.id).join(', ') });
        throw new AppError('validation', message, { settlement_method: message });
      }
      const updated = await trx('expenses')
        .whereIn('id', ids)
        .update({
          settled_on: body.settled_on,
          settlement_method: body.settlement_method,
          version: trx.raw('version + 1'),
          updated_at: trx.fn.now(),
        })
        .returning('*');
      for (const e of updated) {
        await addEvent(trx, {
          request_id: e.request_id,
          staff_id: actor(req).id,
          kind: 'expense',
          // A date as people write it (2026/11/30), not the ISO form the API takes.
          body: `${Number(e.amount_yen).toLocaleString('ja-JP')} 円を精算済みに (${body.settled_on.replaceAll('-', '/')})`,
          message: { code: 'expenses_settled', params: { amount: Number(e.amount_yen), date: body.settled_on } },
        });
        await audit(trx, {
          staff_id: actor(req).id,
          action: 'update',
          resource: 'expenses',
          record_id: e.id,
          changed_fields: ['settled_on', 'settlement_method'],
        });
      }
      return updated;
    });
    res.json(rows.map((r) => serializeRow(r)));
  });
  return router;
}

export function balanceRouter(db: Knex): Router {
  const router = Router();
  router.get('/:id/balance', guard('expenses', 'list'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    res.json(await requestBalance(db, id));
  });
  return router;
}
