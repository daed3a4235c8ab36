import { lastRetentionScan } from './daily.js';
import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { anonymiseClient, ERASED_EVENT_BODY, FREE_TEXT_EVENT_KINDS } from '../clients/anonymise.js';
import { tokyoDate } from '../domain/time.js';
import { needsReason } from '../domain/workflow.js';
import type { RequestStatus } from '../domain/enums.js';
import { requestBasicSearchText, requestSearchText } from '../support-requests/search.js';
import { anonymiseVolunteer } from '../volunteers/anonymise.js';
import { audit, auditMany } from '../core/audit.js';
import { conflict } from '../core/errors.js';
import { requiredMultilineText } from '../core/fields.js';
import { actor, guard } from '../http/guard.js';
import { parseWith } from '../core/validate.js';
import { listDue } from './due.js';
import { msg } from '../core/messages.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD で指定してください。');
export const DueQuery = z.object({ as_of: date.optional() }).strict();

const ids = z.array(z.number().int().positive()).max(500).default([]);
export const RetentionBody = z
  .object({
    reason: requiredMultilineText(500),
    requests: ids,
    clients: ids,
    volunteers: ids,
    /** Delete the audit entries older than the audit log's retention. */
    purge_audit_log: z.boolean().default(false),
  })
  .strict();

/**
 * Erases the casework text of one finished request whose retention has ended (as anonymising its
 * resident does for all of theirs) and keeps what the reports count: number, channel, category,
 * task, dates, status, assignments, activity times and expenses.
 */
export async function anonymiseRequest(trx: Knex.Transaction, requestId: number): Promise<void> {
  const r: { id: number; request_no: string; status: RequestStatus; version: number; client_id: number | null } = await trx(
    'support_requests',
  )
    .where('id', requestId)
    .forUpdate()
    .first('id', 'request_no', 'status', 'version', 'client_id');
  const client = r.client_id ? await trx('clients').where('id', r.client_id).first('name', 'name_kana', 'client_no') : null;
  await trx('support_requests')
    .where('id', r.id)
    .update({
      intake: null,
      place: null,
      description: null,
      status_reason: needsReason(r.status) ? ERASED_EVENT_BODY : null,
      search_text: requestSearchText(r.request_no, null, null, client),
      search_basic: requestBasicSearchText(r.request_no, client),
      anonymised_at: trx.fn.now(),
      version: r.version + 1,
      updated_at: trx.fn.now(),
    });
  await trx('request_events')
    .where('request_id', r.id)
    .whereIn('kind', FREE_TEXT_EVENT_KINDS)
    .update({ body: ERASED_EVENT_BODY, message: null });
  await trx('request_events')
    .where('request_id', r.id)
    .where('kind', 'status_change')
    .whereNotNull('body')
    .update({ body: ERASED_EVENT_BODY, message: null });
  await trx('assignments')
    .where('request_id', r.id)
    .whereNotNull('note')
    .update({ note: null, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
  await trx('expenses')
    .where('request_id', r.id)
    .whereNotNull('note')
    .update({ note: null, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
  await trx('activity_reports')
    .where('request_id', r.id)
    .update({ summary: null, follow_up_note: null, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
}

/**
 * GET /api/retention/due?as_of=YYYY-MM-DD — what has passed its retention date (default today in
 * Japan). POST /api/retention/anonymise — anonymises what is listed as due today, with one
 * reason, in one transaction: nothing is erased that is not due, and nothing without this step.
 */
export function retentionRouter(db: Knex): Router {
  const router = Router();
  router.get('/due', guard('retention', 'list'), async (req, res) => {
    const { as_of } = parseWith(DueQuery, req.query, 'noun.conditions');
    res.json({ ...(await listDue(db, as_of ?? tokyoDate(new Date()))), last_scan: await lastRetentionScan(db) });
  });
  router.post('/anonymise', guard('retention', 'edit'), async (req, res) => {
    const body = parseWith(RetentionBody, req.body);
    const me = actor(req);
    const result = await db.transaction(async (trx) => {
      const due = await listDue(trx, tokyoDate(new Date()));
      const notDue = (kind: 'requests' | 'clients' | 'volunteers') => {
        const listed = new Set(due[kind].map((r) => r.id));
        return body[kind].filter((id) => !listed.has(id));
      };
      for (const kind of ['requests', 'clients', 'volunteers'] as const) {
        const refused = notDue(kind);
        if (refused.length) {
          throw conflict(msg('retention.not_due', { kind, ids: refused.join(', ') }));
        }
      }
      const reason = body.reason;
      for (const id of body.requests) await anonymiseRequest(trx, id);
      await auditMany(
        trx,
        body.requests.map((id) => ({
          staff_id: me.id,
          action: 'anonymise' as const,
          resource: 'support-requests',
          record_id: id,
          changed_fields: ['place', 'description', 'intake', 'status_reason'],
          details: { reason, retention: true },
        })),
      );
      for (const id of body.clients) {
        const { version } = await trx('clients').where('id', id).first('version');
        await anonymiseClient(trx, me.id, id, { version, reason });
      }
      for (const id of body.volunteers) {
        const { version } = await trx('volunteers').where('id', id).first('version');
        await anonymiseVolunteer(trx, me.id, id, { version, reason });
      }
      let purged = 0;
      if (body.purge_audit_log && due.audit_log.count > 0) {
        purged = await trx('audit_log').whereRaw(`timezone('Asia/Tokyo', at) < cast(? as date)`, [due.audit_log.before]).delete();
      }
      const counts = {
        requests: body.requests.length,
        clients: body.clients.length,
        volunteers: body.volunteers.length,
        audit_log: purged,
      };
      await audit(trx, { staff_id: me.id, action: 'anonymise', resource: 'retention', details: { reason, ...counts } });
      return counts;
    });
    res.json(result);
  });
  return router;
}
