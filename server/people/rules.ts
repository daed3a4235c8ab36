import type { Knex } from 'knex';
import { z } from 'zod';
import { isLanguageCode } from '../domain/iso.js';
import { AppError } from '../core/errors.js';
import { isoDateTime, optionalText, text } from '../core/fields.js';
import { readOnce, type WriteContext } from '../core/context.js';
import { type ErrorKey, msg } from '../core/messages.js';

const INT4_MAX = 2_147_483_647;

/** Rules shared by the two kinds of people the NPO records: residents and volunteers. */

export const languagesField = () =>
  z
    .array(
      text()
        .trim()
        .transform((v) => v.toLowerCase())
        .refine(isLanguageCode, '言語は ISO 639-1 の 2 文字コードで指定してください (例: uk, vi, en)。'),
      { error: '言語を一つ以上選んでください。' },
    )
    .min(1, '言語を一つ以上選んでください。')
    .max(20)
    .transform((codes) => [...new Set(codes)]);

export const municipalityCodeField = () =>
  z.preprocess(
    (v) => (v === '' ? null : v),
    text()
      .regex(/^\d{6}$/, '区市町村を選んでください。')
      .nullable()
      .optional(),
  );

/** Kana readings are kept as typed, but half-width katakana becomes full-width. */
export const kanaField = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.normalize('NFKC').trim()) : v),
    text().max(200, '200 文字以内で入力してください。').nullable().optional(),
  );

/** With a memo (an import), the whole list of municipality codes is read once for every row. */
export async function assertMunicipalities(
  trx: Knex.Transaction,
  field: string,
  codes: (string | null | undefined)[],
  memo?: WriteContext['memo'],
) {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (!wanted.length) return;
  const found = memo
    ? await readOnce(memo, 'municipalities', async () => new Set<string>(await trx('municipalities').pluck('code')))
    : new Set<string>(await trx('municipalities').whereIn('code', wanted).pluck('code'));
  const missing = wanted.filter((c) => !found.has(c));
  if (missing.length) {
    const text = msg('people.unknown_municipality', { codes: missing.join(', ') });
    throw new AppError('validation', text, { [field]: text });
  }
}

/** Whether a number can name a row at all: ids are PostgreSQL integers. */
export const possibleId = (id: number) => Number.isInteger(id) && id > 0 && id <= INT4_MAX;

export async function assertExists(
  trx: Knex.Transaction,
  table: string,
  field: string,
  id: unknown,
  label: ErrorKey,
  memo?: WriteContext['memo'],
) {
  if (id == null) return;
  // Ids are PostgreSQL integers: a larger number names nothing (and would make the query fail).
  const possible = typeof id !== 'number' || (Number.isInteger(id) && id > 0 && id <= INT4_MAX);
  const exists =
    possible && (await readOnce(memo, `exists:${table}:${String(id)}`, async () => !!(await trx(table).where('id', id).first('id'))));
  if (!exists) {
    const text = msg('exists.missing', { what: msg(label) });
    throw new AppError('validation', text, { [field]: text });
  }
}

/**
 * 利用停止: a resident or volunteer asked that their data no longer be used to contact them.
 * Set and lifted through the normal edit, so the audit log and the history show when and by whom.
 */
export const contactStopFields = () => ({
  contact_stopped_at: isoDateTime().nullable().optional(),
  contact_stop_reason: optionalText(500),
});

export function checkContactStop(p: { contact_stopped_at?: string | null; contact_stop_reason?: string | null }): void {
  if (p.contact_stopped_at && !p.contact_stop_reason) {
    throw new AppError('validation', 'people.stop_reason', {
      contact_stop_reason: 'people.stop_reason_field',
    });
  }
  if (!p.contact_stopped_at && p.contact_stop_reason) {
    throw new AppError('validation', 'people.stop_date', {
      contact_stopped_at: 'people.stop_date_field',
    });
  }
}
