import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { CONSENT_KINDS } from '../domain/enums.js';
import { isLanguageCode } from '../domain/iso.js';
import { audit } from '../core/audit.js';
import { conflict, notFound } from '../core/errors.js';
import { enumOf, isoDateTime, multilineText, text } from '../core/fields.js';
import { serializeRow } from '../core/serialize.js';
import type { ResourceService } from '../core/service.js';
import { idParam, parseWith } from '../core/validate.js';
import { actor, guard } from '../http/guard.js';

/** How staff took a consent or a withdrawal themselves (the form records its own as web_form). */
export const STAFF_CONSENT_METHODS = ['phone', 'in_person', 'paper'] as const;

/** The version of the consent text staff read out or handed over, when they do not name one. */
export const STAFF_TEXT_VERSION = 'staff-2026-12';

const method = () => enumOf(STAFF_CONSENT_METHODS);
const language = () =>
  text().trim().toLowerCase().refine(isLanguageCode, '説明した言語を ISO 639-1 の 2 文字コードで指定してください (例: uk, vi)。');

export const RecordConsentBody = z
  .object({
    kind: enumOf(CONSENT_KINDS),
    method: method(),
    language: language(),
    given_at: isoDateTime().optional(),
    text_version: text().trim().min(1).max(50).optional(),
    note: multilineText(500),
  })
  .strict();

export const WithdrawConsentBody = z
  .object({
    kind: enumOf(CONSENT_KINDS),
    method: method(),
    given_at: isoDateTime().optional(),
    note: multilineText(500),
  })
  .strict();

/**
 * After a resident's consents changed: the client's columns follow the latest entry of each
 * kind. Withdrawing the sensitive-information consent erases the special-care notes.
 */
async function applyConsent(
  trx: Knex.Transaction,
  clientId: number,
  kind: 'use' | 'sensitive',
  action: 'given' | 'withdrawn',
  at: Date,
): Promise<string[]> {
  const patch: Record<string, unknown> = {};
  if (kind === 'use') patch.consent_at = action === 'given' ? at : null;
  if (kind === 'sensitive') {
    patch.sensitive_consent_at = action === 'given' ? at : null;
    // Given again: the notes kept under the old single consent are confirmed. Withdrawn: erased.
    patch.special_care_reconfirm = false;
    if (action === 'withdrawn') patch.special_care_notes = null;
  }
  await trx('clients')
    .where('id', clientId)
    .update({ ...patch, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
  return Object.keys(patch);
}

/**
 * The consents of the requests a client was just linked to (given on the web form) become the
 * client's: the use consent sets consent_at when it is empty, the sensitive one unlocks the
 * special-care notes, and the sensitive information written on the form becomes those notes
 * when the client has none yet.
 */
export async function adoptRequestConsents(trx: Knex.Transaction, requestId: number, clientId: number): Promise<void> {
  const given: { kind: 'use' | 'sensitive'; given_at: Date }[] = await trx('consents')
    .where({ support_request_id: requestId, action: 'given' })
    .whereNull('client_id')
    .select('kind', 'given_at');
  if (!given.length) return;
  await trx('consents').where({ support_request_id: requestId }).whereNull('client_id').update({ client_id: clientId });
  const client = await trx('clients').where('id', clientId).forUpdate().first('consent_at', 'special_care_notes', 'anonymised_at');
  if (!client || client.anonymised_at) return;
  const patch: Record<string, unknown> = {};
  const use = given.find((c) => c.kind === 'use');
  if (use && !client.consent_at) patch.consent_at = use.given_at;
  const sensitive = given.find((c) => c.kind === 'sensitive');
  if (sensitive) {
    patch.sensitive_consent_at = sensitive.given_at;
    patch.special_care_reconfirm = false;
    const request = await trx('support_requests').where('id', requestId).first('intake');
    const info = typeof request?.intake?.sensitive_info === 'string' ? request.intake.sensitive_info : '';
    if (info && !client.special_care_notes) patch.special_care_notes = info;
  }
  if (Object.keys(patch).length) {
    await trx('clients')
      .where('id', clientId)
      .update({ ...patch, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
  }
}

/**
 * GET /api/clients/:id/consents — every consent and withdrawal, newest first.
 * POST /api/clients/:id/consents — a consent staff took by phone, in person or on paper.
 * POST /api/clients/:id/consents/withdraw — a withdrawal; of the sensitive consent, it erases
 * the special-care notes and locks the field until a new consent is recorded.
 */
export function consentsRouter(db: Knex, clients: ResourceService): Router {
  const router = Router();
  router.get('/:id/consents', guard('clients', 'show'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    if (!(await db('clients').where('id', id).first('id'))) throw notFound('noun.client');
    const rows = await db('consents as c')
      .leftJoin('staff as s', 's.id', 'c.recorded_by')
      .where('c.client_id', id)
      .orderBy([
        { column: 'c.given_at', order: 'desc' },
        { column: 'c.id', order: 'desc' },
      ])
      .select(
        'c.id',
        'c.kind',
        'c.action',
        'c.method',
        'c.text_version',
        'c.language',
        'c.given_at',
        'c.support_request_id',
        'c.note',
        'c.created_at',
        'c.recorded_by',
        's.display_name as recorded_by_name',
      );
    res.json(rows.map((r) => serializeRow(r)));
  });

  const write = (action: 'given' | 'withdrawn') =>
    async function handler(req: import('express').Request, res: import('express').Response) {
      const { id } = parseWith(idParam, req.params);
      const body =
        action === 'given'
          ? parseWith(RecordConsentBody, req.body, 'noun.consent_record')
          : { ...parseWith(WithdrawConsentBody, req.body, 'noun.consent_withdrawal'), language: 'ja', text_version: undefined };
      const staff = actor(req);
      await db.transaction(async (trx) => {
        const client = await trx('clients').where('id', id).forUpdate().first('id', 'anonymised_at', 'sensitive_consent_at', 'consent_at');
        if (!client) throw notFound('noun.client');
        if (client.anonymised_at) throw conflict('consent.anonymised');
        if (action === 'withdrawn') {
          const current = body.kind === 'use' ? client.consent_at : client.sensitive_consent_at;
          if (!current) throw conflict('consent.nothing_to_withdraw');
        }
        const at = body.given_at ? new Date(body.given_at) : new Date();
        const [row] = await trx('consents')
          .insert({
            client_id: id,
            kind: body.kind,
            action,
            method: body.method,
            text_version: body.text_version ?? STAFF_TEXT_VERSION,
            language: body.language,
            given_at: at,
            recorded_by: staff.id,
            note: body.note ?? null,
          })
          .returning('id');
        const changed = await applyConsent(trx, id, body.kind, action, at);
        await audit(trx, {
          staff_id: staff.id,
          action: 'update',
          resource: 'clients',
          record_id: id,
          changed_fields: changed,
          details: { consent_id: row.id, kind: body.kind, action, method: body.method },
        });
      });
      res.status(201).json(clients.serialize(await clients.get(id), staff.role));
    };
  router.post('/:id/consents', guard('clients', 'edit'), write('given'));
  router.post('/:id/consents/withdraw', guard('clients', 'edit'), write('withdrawn'));
  return router;
}
