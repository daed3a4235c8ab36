import { z } from 'zod';

/** Zod building blocks shared by every resource schema; messages in Japanese for coordinators. */

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const requiredText = (max = 200) =>
  z.string({ error: '入力してください。' }).trim().min(1, '入力してください。').max(max, `${max} 文字以内で入力してください。`);

export const optionalText = (max = 2000) =>
  z.preprocess(emptyToNull, z.string().trim().max(max, `${max} 文字以内で入力してください。`).nullable()).optional();

export const optionalEmail = () =>
  z.preprocess(emptyToNull, z.email('メールアドレスの形式が正しくありません。').max(254).nullable()).optional();

/** Phone numbers as staff type them: digits with hyphens, spaces, brackets or a leading +. */
export const optionalPhone = () =>
  z
    .preprocess(
      (v) => (typeof v === 'string' ? (emptyToNull(v.normalize('NFKC')) as string | null) : v),
      z
        .string()
        .trim()
        .max(30, '30 文字以内で入力してください。')
        .regex(/^\+?[\d\s()\-‐]+$/, '電話番号は数字とハイフンで入力してください。')
        .refine((v) => v.replace(/\D/g, '').length >= 6, '電話番号の桁数が足りません。')
        .nullable(),
    )
    .optional();

export const isoDate = () => z.iso.date('日付は YYYY-MM-DD の形式で入力してください。');

export const isoDateTime = () =>
  z.iso.datetime({ offset: true, error: '日時はタイムゾーン付きの ISO 8601 形式で入力してください (例: 2025-03-08T10:00:00+09:00)。' });

export const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `次のいずれかを選んでください: ${values.join(', ')}` });

export const foreignId = () => z.number({ error: '選択してください。' }).int().positive();
