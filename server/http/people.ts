import type { Knex } from 'knex';
import { z } from 'zod';
import { isLanguageCode } from '../domain/iso.js';
import { AppError } from './errors.js';
import { text } from './fields.js';

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
    text().regex(/^\d{6}$/, '区市町村を選んでください。').nullable().optional(),
  );

/** Kana readings are kept as typed, but half-width katakana becomes full-width. */
export const kanaField = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.normalize('NFKC').trim()) : v),
    text().max(200, '200 文字以内で入力してください。').nullable().optional(),
  );

export async function assertMunicipalities(trx: Knex.Transaction, field: string, codes: (string | null | undefined)[]) {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (!wanted.length) return;
  const found = await trx('municipalities').whereIn('code', wanted).pluck('code');
  const missing = wanted.filter((c) => !found.includes(c));
  if (missing.length) {
    throw new AppError('validation', `区市町村コード ${missing.join(', ')} は登録されていません。`, {
      [field]: `区市町村コード ${missing.join(', ')} は登録されていません。`,
    });
  }
}

export async function assertExists(trx: Knex.Transaction, table: string, field: string, id: unknown, label: string) {
  if (id == null) return;
  if (!(await trx(table).where('id', id).first('id'))) {
    throw new AppError('validation', `指定された${label}が見つかりません。`, { [field]: `指定された${label}が見つかりません。` });
  }
}
