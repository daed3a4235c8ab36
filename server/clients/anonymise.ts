import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { REQUEST_STATUSES, type RequestStatus } from '../domain/enums.js';
import { canAccess } from '../domain/roles.js';
import { buildSearchText } from '../domain/search.js';
import { needsReason, TERMINAL } from '../domain/workflow.js';
import { requestBasicSearchText, requestSearchText } from '../support-requests/search.js';
import { audit } from '../core/audit.js';
import type { ResourceService } from '../core/service.js';
import { conflict, forbidden, notFound, staleVersion } from '../core/errors.js';
import { requiredMultilineText } from '../core/fields.js';
import { actor, guard } from '../http/guard.js';
import type { Row } from '../core/resource.js';
import { idParam, parseWith } from '../core/validate.js';
import { listText, msg } from '../core/messages.js';

export const ANONYMISED_NAME = '匿名化済み';
export const ERASED_EVENT_BODY = '（匿名化により削除）';

/** Client columns that identify the person or hold what staff wrote about them. */
export const ERASED_CLIENT_FIELDS = ['name_kana', 'phone', 'email', 'address', 'notes', 'special_care_notes', 'ofp_member_no'] as const;

/**
 * Timeline entries whose body is free text typed by staff about the case: the contact log
 * (call, e-mail, note) and the note written when a follow-up is handled. Status changes,
 * assignment changes, reports and expenses carry server-written sentences and stay.
 */
export const FREE_TEXT_EVENT_KINDS = ['call', 'email', 'note', 'follow_up'] as const;

/** A request is finished only in a terminal status; done still waits for closing. */
const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => !TERMINAL.includes(s));

export const AnonymiseBody = z
  .object({
    version: z.number({ error: '読み込んだ時点の version を送ってください。' }).int().positive(),
    reason: requiredMultilineText(500),
  })
  .strict();

/**
 * Erases a client's personal data and the free text of their casework in one transaction, and
 * keeps what the monthly and fiscal-year reports count (nationality, languages, municipality,
 * eligibility, partner, and every request's category, task, dates and status).
 */
export async function anonymiseClient(
  trx: Knex.Transaction,
  staffId: number,
  clientId: number,
  body: z.infer<typeof AnonymiseBody>,
): Promise<void> {
  const client = await trx('clients').where('id', clientId).forUpdate().first();
  if (!client) throw notFound('noun.client');
  if (client.anonymised_at) throw conflict('client.anonymised_already');
  if (client.version !== body.version) throw staleVersion();
  // Locked too, so a request cannot be reopened or edited while its text is being erased.
  const requests: {
    id: number;
    request_no: string;
    status: RequestStatus;
    version: number;
  }[] = await trx('support_requests')
    .where('client_id', clientId)
    .orderBy('id')
    .forUpdate()
    .select('id', 'request_no', 'status', 'version');
  const open = requests.filter((r) => OPEN_STATUSES.includes(r.status));
  if (open.length) {
    throw conflict(msg('client.anonymise_open_requests', { requests: listText(open.map((r) => r.request_no)) }));
  }

  await trx('clients')
    .where('id', clientId)
    .update({
      name: ANONYMISED_NAME,
      ...Object.fromEntries(ERASED_CLIENT_FIELDS.map((f) => [f, null])),
      archived_at: client.archived_at ?? trx.fn.now(),
      anonymised_at: trx.fn.now(),
      search_text: buildSearchText([client.client_no]),
      search_basic: buildSearchText([client.client_no]),
      version: client.version + 1,
      updated_at: trx.fn.now(),
      special_care_reconfirm: false,
    });
  // The record of consents stays (kind, how, when); what staff wrote beside them goes.
  await trx('consents').where('client_id', clientId).update({ note: null });

  const requestIds = requests.map((r) => r.id);
  for (const r of requests) {
    await trx('support_requests')
      .where('id', r.id)
      .update({
        intake: null,
        place: null,
        description: null,
        // Ending early needs a reason (a database rule): the reason's text goes, the fact stays.
        status_reason: needsReason(r.status) ? ERASED_EVENT_BODY : null,
        search_text: requestSearchText(r.request_no, null, null, null),
        search_basic: requestBasicSearchText(r.request_no, null),
        version: r.version + 1,
        updated_at: trx.fn.now(),
      });
  }
  if (requestIds.length) {
    await trx('request_events')
      .whereIn('request_id', requestIds)
      .whereIn('kind', FREE_TEXT_EVENT_KINDS)
      // The code's values can hold typed words too (a follow-up note, a volunteer's comment).
      .update({ body: ERASED_EVENT_BODY, message: null });
    // A status change's text is the reason a coordinator typed (or a fixed sentence): erased too.
    await trx('request_events')
      .whereIn('request_id', requestIds)
      .where('kind', 'status_change')
      .whereNotNull('body')
      .update({ body: ERASED_EVENT_BODY, message: null });
    await trx('assignments')
      .whereIn('request_id', requestIds)
      .whereNotNull('note')
      .update({ note: null, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
    await trx('expenses')
      .whereIn('request_id', requestIds)
      .whereNotNull('note')
      .update({ note: null, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
    await trx('activity_reports')
      .whereIn('request_id', requestIds)
      .update({ summary: null, follow_up_note: null, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
  }

  await audit(trx, {
    staff_id: staffId,
    action: 'anonymise',
    resource: 'clients',
    record_id: clientId,
    changed_fields: ['name', ...ERASED_CLIENT_FIELDS.filter((f) => client[f] != null), 'anonymised_at'],
    details: { reason: body.reason, requests: requests.length },
  });
}

/**
 * POST /api/clients/:id/anonymise `{version, reason}` — admin only. Refused with 409 while any
 * of the client's requests is not finished, on a stale version, or when already anonymised.
 */
export function anonymiseRouter(db: Knex, clients: ResourceService): Router {
  const router = Router();
  router.post('/:id/anonymise', guard('clients', 'edit'), async (req, res) => {
    // Stricter than editing: only an admin may erase a resident's record for good.
    if (!canAccess(actor(req).role, 'clients', 'anonymise')) throw forbidden('client.anonymise_admin_only');
    const { id } = parseWith(idParam, req.params);
    const body = parseWith(AnonymiseBody, req.body);
    await db.transaction((trx) => anonymiseClient(trx, actor(req).id, id, body));
    const row: Row = await clients.get(id);
    res.json(clients.serialize(row, actor(req).role));
  });
  return router;
}
