import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { audit } from '../core/audit.js';
import { text } from '../core/fields.js';
import { conflict, notFound } from '../core/errors.js';
import { writeContext, type WriteContext } from '../core/context.js';
import type { ResourceService } from '../core/service.js';
import { actor, guard } from '../http/guard.js';
import { serializeRow } from '../core/serialize.js';
import { idParam, parseWith } from '../core/validate.js';
import { addEvent, type TimelineMessage } from '../support-requests/timeline.js';

export const HandledBody = z.object({ note: text({ multiline: true }).trim().max(2000).optional() }).strict();

async function openFollowUp(trx: Knex.Transaction, reportId: number) {
  const report = await trx('activity_reports').where('id', reportId).forUpdate().first();
  if (!report) throw notFound('noun.activity_report');
  if (!report.follow_up_needed || report.follow_up_handled_at) throw conflict('follow_up.not_open');
  return report;
}

async function markHandled(
  { trx, actor: me }: WriteContext,
  report: { id: number; request_id: number; version: number },
  note: string,
  message: TimelineMessage,
) {
  await trx('activity_reports')
    .where('id', report.id)
    .update({ follow_up_handled_at: trx.fn.now(), follow_up_handled_by: me.id, version: report.version + 1, updated_at: trx.fn.now() });
  await addEvent(trx, { request_id: report.request_id, staff_id: me.id, kind: 'follow_up', body: note, message });
  await audit(trx, {
    staff_id: me.id,
    action: 'update',
    resource: 'activity-reports',
    record_id: report.id,
    changed_fields: ['follow_up_handled_at'],
  });
}

/**
 * POST /api/activity-reports/:id/follow-up/handled — closes a follow-up with a note;
 * POST /api/activity-reports/:id/follow-up/new-request — turns it into a new request for the
 * same resident, linked to the first, in one step.
 */
export function followUpRouter(db: Knex, requests: ResourceService): Router {
  const router = Router();
  router.post('/:id/follow-up/handled', guard('activity-reports', 'edit'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    const { note } = parseWith(HandledBody, req.body ?? {});
    await db.transaction(async (trx) =>
      markHandled(writeContext(trx, actor(req)), await openFollowUp(trx, id), `フォローアップ対応済み${note ? `: ${note}` : ''}`, {
        code: 'follow_up_handled',
        params: note ? { note } : {},
      }),
    );
    res.json(serializeRow(await db('activity_reports').where('id', id).first()));
  });
  router.post('/:id/follow-up/new-request', guard('support-requests', 'create'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    const created = await db.transaction(async (trx) => {
      const report = await openFollowUp(trx, id);
      const first = await trx('support_requests').where('id', report.request_id).first();
      const ctx = writeContext(trx, actor(req));
      const row = await requests.createWithin(ctx, {
        client_id: first.client_id,
        channel: first.channel,
        category: first.category,
        task_type: first.task_type,
        mode: first.mode,
        language: first.language,
        municipality_code: first.municipality_code,
        place: first.place,
        description: `フォローアップ (${first.request_no}): ${report.follow_up_note ?? ''}`.slice(0, 4000),
      });
      await trx('support_requests').where('id', row.id).update({ follow_up_of_id: first.id });
      await markHandled(ctx, report, `新しい依頼 ${row.request_no} を作成しました。`, {
        code: 'follow_up_new_request',
        params: { request_no: String(row.request_no) },
      });
      return { ...row, follow_up_of_id: first.id };
    });
    res.status(201).json(requests.serialize(created, actor(req).role));
  });
  return router;
}
