import type { Knex } from 'knex';
import { customFilter } from '../core/list-query.js';
import { z } from 'zod';
import { ID_CHECK_METHODS, ID_CHECK_RESULTS, ID_DOCUMENT_TYPES, NEW_ID_DOCUMENT_TYPES } from '../domain/enums.js';
import {
  addMonths,
  boundedValidity,
  DOCUMENTS_BOUNDING_VALIDITY,
  looksLikeDocumentNumber,
  monthEnd,
  tokyoDateInDays,
} from '../domain/id-checks.js';
import { AppError } from '../core/errors.js';
import { enumOf, foreignId, isoDate, multilineText } from '../core/fields.js';
import { assertExists } from '../people/rules.js';
import { defineResource } from '../core/resource.js';
import { msg } from '../core/messages.js';

export const IdCheckSchema = z.object({
  volunteer_id: foreignId(),
  checked_on: isoDate(),
  method: enumOf(ID_CHECK_METHODS),
  document_type: enumOf(ID_DOCUMENT_TYPES),
  result: enumOf(ID_CHECK_RESULTS),
  valid_until: isoDate().nullable().optional(),
  /** When the document shown expires, as YYYY-MM: never its number. Required for a residence card. */
  document_expiry_month: z
    .string({ error: '書類の有効期限は YYYY-MM (年と月) で入力してください。' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '書類の有効期限は YYYY-MM (年と月) で入力してください。')
    .nullable()
    .optional(),
  notes: multilineText(1000),
});

const ym = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/**
 * The volunteer's read-only expiry, from their most recent check: its valid_until when it
 * passed, none when it failed. A failed check overrides an earlier pass, so the volunteer can
 * be neither listed as a candidate nor confirmed until a new check passes.
 */
export async function refreshVolunteerExpiry(trx: Knex.Transaction, volunteerId: number): Promise<void> {
  const latest = await trx('id_checks')
    .where({ volunteer_id: volunteerId })
    .orderBy([
      { column: 'checked_on', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .first('result', 'valid_until');
  await trx('volunteers')
    .where('id', volunteerId)
    .update({ id_check_valid_until: latest?.result === 'passed' ? latest.valid_until : null });
}

/** 本人確認: that a check was done, how, by whom, when, until when — never a document number or image. */
export const idChecks = defineResource<{ checked_by: number }>()({
  name: 'id-checks',
  schema: IdCheckSchema,
  readOnlyFields: ['checked_by'],
  list: {
    table: 'id_checks',
    fields: {
      id: 'int',
      volunteer_id: 'int',
      checked_on: 'date',
      method: { enum: ID_CHECK_METHODS },
      document_type: { enum: ID_DOCUMENT_TYPES },
      result: { enum: ID_CHECK_RESULTS },
      valid_until: 'date',
      document_expiry_month: 'text',
      checked_by: 'int',
      created_at: 'timestamp',
    },
    sortable: ['id', 'checked_on', 'valid_until', 'volunteer_id', 'result', 'created_at'],
    defaultSort: ['checked_on', 'DESC'],
    custom: {
      expires_within_days: customFilter({
        schema: z.coerce.number().int().min(0).max(3650),
        // Each volunteer's latest passed check that ends within the window or has already ended;
        // a check replaced by a newer one is no longer anyone's expiry.
        apply: (qb, days: number) => {
          qb.where('id_checks.result', 'passed')
            .where('id_checks.valid_until', '<=', tokyoDateInDays(days))
            .whereExists((e) =>
              e
                .from('volunteers')
                .whereRaw('volunteers.id = id_checks.volunteer_id')
                .whereRaw('volunteers.id_check_valid_until = id_checks.valid_until'),
            );
        },
      }),
    },
  },
  check: async (c, { trx }, existing) => {
    if (c.document_type !== existing?.document_type && !(NEW_ID_DOCUMENT_TYPES as readonly string[]).includes(c.document_type)) {
      const message = 'id_check.health_insurance';
      throw new AppError('validation', message, { document_type: message });
    }
    const bounded = DOCUMENTS_BOUNDING_VALIDITY.includes(c.document_type);
    if (bounded && c.result === 'passed' && !c.document_expiry_month && (!existing || existing.document_type !== c.document_type)) {
      const message = 'id_check.card_expiry_needed';
      throw new AppError('validation', message, { document_expiry_month: message });
    }
    if (bounded && c.result === 'passed' && c.document_expiry_month) {
      if (monthEnd(c.document_expiry_month) < c.checked_on) {
        const message = msg('id_check.card_expired', { month: ym(c.document_expiry_month) });
        throw new AppError('validation', message, { document_expiry_month: message });
      }
      if (c.valid_until && c.valid_until > monthEnd(c.document_expiry_month)) {
        const message = msg('id_check.beyond_card', { month: ym(c.document_expiry_month) });
        throw new AppError('validation', message, { valid_until: message });
      }
    }
    if (looksLikeDocumentNumber(c.notes ?? '')) {
      throw new AppError('validation', 'id_check.no_numbers', {
        notes: 'id_check.number_in_notes',
      });
    }
    if (c.valid_until && c.valid_until < c.checked_on) {
      throw new AppError('validation', 'id_check.valid_after_check', { valid_until: 'id_check.valid_after_check' });
    }
    await assertExists(trx, 'volunteers', 'volunteer_id', c.volunteer_id, 'noun.volunteer');
  },
  derive: async (c, ctx, existing) => {
    const checked_by = existing ? existing.checked_by : ctx.actor.id;
    if (c.result !== 'passed') return { checked_by, valid_until: c.valid_until ?? null };
    if (c.valid_until) return { checked_by };
    const { id_check_valid_months } = await ctx.settings();
    return {
      checked_by,
      valid_until: boundedValidity(addMonths(c.checked_on, id_check_valid_months), c.document_type, c.document_expiry_month),
    };
  },
  after: async (row, { trx }, existing) => {
    await refreshVolunteerExpiry(trx, row.volunteer_id);
    if (existing && existing.volunteer_id !== row.volunteer_id) await refreshVolunteerExpiry(trx, existing.volunteer_id);
  },
  afterDelete: async (row, { trx }) => refreshVolunteerExpiry(trx, row.volunteer_id),
});
