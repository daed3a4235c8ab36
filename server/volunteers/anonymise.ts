import { Router } from 'express';
import type { Knex } from 'knex';
import type { z } from 'zod';
import { ANONYMISED_NAME, AnonymiseBody } from '../clients/anonymise.js';
import { OPEN_ASSIGNMENT } from '../domain/assignment-flow.js';
import { canAccess } from '../domain/roles.js';
import { buildSearchText } from '../domain/search.js';
import { audit } from '../core/audit.js';
import type { ResourceService } from '../core/service.js';
import { conflict, forbidden, notFound, staleVersion } from '../core/errors.js';
import { actor, guard } from '../http/guard.js';
import type { Row } from '../core/resource.js';
import { idParam, parseWith } from '../core/validate.js';
import { listText, msg } from '../core/messages.js';

/** Volunteer columns that identify the person or hold what staff wrote about them. */
export const ERASED_VOLUNTEER_FIELDS = ['name_kana', 'phone', 'email', 'notes', 'contact_stop_reason'] as const;

/**
 * Erases a volunteer's personal data in one transaction (name, kana, phone, e-mail, notes, their
 * weekly availability, the notes of their ID checks, assignments and expenses) and keeps what
 * the reports count: their number, municipality, service areas, languages, kinds of help, and
 * every assignment's times, activity report and expense amount. Refused while an assignment is
 * still open (proposed, contacted, accepted) or a confirmed one has not happened or not been
 * reported yet.
 */
export async function anonymiseVolunteer(
  trx: Knex.Transaction,
  staffId: number,
  volunteerId: number,
  body: z.infer<typeof AnonymiseBody>,
): Promise<void> {
  const volunteer = await trx('volunteers').where('id', volunteerId).forUpdate().first();
  if (!volunteer) throw notFound('noun.volunteer');
  if (volunteer.anonymised_at) throw conflict('volunteer.anonymised_already');
  if (volunteer.version !== body.version) throw staleVersion();
  const pending: { request_no: string }[] = await trx('assignments as a')
    .join('support_requests as r', 'r.id', 'a.request_id')
    .where('a.volunteer_id', volunteerId)
    .where((w) =>
      w
        .whereIn('a.status', OPEN_ASSIGNMENT)
        .orWhere((c) =>
          c
            .where('a.status', 'confirmed')
            .where((f) => f.whereNull('a.start_at').orWhere('a.start_at', '>=', trx.fn.now()).orWhere('r.status', 'confirmed')),
        ),
    )
    .orderBy('r.request_no')
    .select('r.request_no');
  if (pending.length) {
    throw conflict(msg('volunteer.anonymise_pending', { requests: listText([...new Set(pending.map((p) => p.request_no))]) }));
  }

  await trx('volunteers')
    .where('id', volunteerId)
    .update({
      name: ANONYMISED_NAME,
      ...Object.fromEntries(ERASED_VOLUNTEER_FIELDS.map((f) => [f, null])),
      contact_stopped_at: null,
      availability: JSON.stringify([]),
      status: 'retired',
      archived_at: volunteer.archived_at ?? trx.fn.now(),
      anonymised_at: trx.fn.now(),
      search_text: buildSearchText([volunteer.volunteer_no]),
      version: volunteer.version + 1,
      updated_at: trx.fn.now(),
    });
  await trx('id_checks')
    .where('volunteer_id', volunteerId)
    .whereNotNull('notes')
    .update({ notes: null, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
  await trx('assignments')
    .where('volunteer_id', volunteerId)
    .whereNotNull('note')
    .update({ note: null, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
  await trx('expenses')
    .where('volunteer_id', volunteerId)
    .whereNotNull('note')
    .update({ note: null, version: trx.raw('version + 1'), updated_at: trx.fn.now() });

  const assignments = await trx('assignments').where('volunteer_id', volunteerId).count<{ n: number | string }[]>({ n: '*' });
  await audit(trx, {
    staff_id: staffId,
    action: 'anonymise',
    resource: 'volunteers',
    record_id: volunteerId,
    changed_fields: ['name', ...ERASED_VOLUNTEER_FIELDS.filter((f) => volunteer[f] != null), 'availability', 'anonymised_at'],
    details: { reason: body.reason, assignments: Number(assignments[0]?.n ?? 0) },
  });
}

/** POST /api/volunteers/:id/anonymise `{version, reason}` — admin only, as for residents. */
export function volunteerAnonymiseRouter(db: Knex, volunteers: ResourceService): Router {
  const router = Router();
  router.post('/:id/anonymise', guard('volunteers', 'edit'), async (req, res) => {
    if (!canAccess(actor(req).role, 'volunteers', 'anonymise')) throw forbidden('volunteer.anonymise_admin_only');
    const { id } = parseWith(idParam, req.params);
    const body = parseWith(AnonymiseBody, req.body);
    await db.transaction((trx) => anonymiseVolunteer(trx, actor(req).id, id, body));
    const row: Row = await volunteers.get(id);
    res.json(volunteers.serialize(row, actor(req).role));
  });
  return router;
}
