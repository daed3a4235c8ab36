import { z } from 'zod';
import { schemaText } from './messages.js';

/** Zod building blocks shared by every resource schema; messages in Japanese for coordinators. */

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const CONTROL_CHARACTER_MESSAGE = '使用できない制御文字が含まれています。';
export const BROKEN_TEXT_MESSAGE = '読み取れない文字 (壊れた文字コード) が含まれています。';

// C0 controls, DEL and the C1 controls. Tab and line feed are typed or pasted in any text; a
// carriage return only comes with a line break, so only multi-line text may hold one.
const SINGLE_LINE_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Half of a surrogate pair on its own: JSON can carry it, UTF-8 (and so the database) cannot.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextOptions = {
  /** Notes, descriptions, reasons: may hold carriage returns as well as line feeds. */
  multiline?: boolean;
  /** Messages in another language (the residents' form). */
  messages?: { required?: string; control?: string; broken?: string };
};

/** Whether a string holds a character no text field accepts (the same rule as text()). */
export function textProblem(value: string, multiline = false): 'control' | 'broken' | undefined {
  if ((multiline ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).test(value)) return 'control';
  if (LONE_SURROGATE.test(value)) return 'broken';
  return undefined;
}

/**
 * The one text primitive every schema builds on (bodies, list filters, searches, the duplicate
 * check, the login, the residents' form): a string that holds no control character and no
 * broken UTF-16. PostgreSQL refuses a NUL in text and jsonb, so it must never get that far.
 */
export const text = (options: TextOptions = {}) => {
  const { multiline = false, messages = {} } = options;
  return z
    .string(messages.required ? { error: messages.required } : undefined)
    .refine((v) => textProblem(v, multiline) !== 'control', { message: messages.control ?? CONTROL_CHARACTER_MESSAGE, abort: true })
    .refine((v) => textProblem(v, multiline) !== 'broken', { message: messages.broken ?? BROKEN_TEXT_MESSAGE, abort: true });
};

export const requiredText = (max = 200, options: TextOptions = {}) =>
  text({ messages: { required: '入力してください。' }, ...options })
    .trim()
    .min(1, '入力してください。')
    .max(max, schemaText('field.max_chars', { max }));

export const optionalText = (max = 2000, options: TextOptions = {}) =>
  z.preprocess(emptyToNull, text(options).trim().max(max, schemaText('field.max_chars', { max })).nullable()).optional();

/** Free text over several lines: notes, descriptions, reasons, the timeline. */
export const multilineText = (max = 4000) => optionalText(max, { multiline: true });
export const requiredMultilineText = (max = 4000) => requiredText(max, { multiline: true });

export const optionalEmail = () =>
  z.preprocess(emptyToNull, z.email('メールアドレスの形式が正しくありません。').max(254).nullable()).optional();

/** Phone numbers as staff type them: digits with hyphens, spaces, brackets or a leading +. */
export const optionalPhone = () =>
  z
    .preprocess(
      (v) => (typeof v === 'string' ? emptyToNull(v.normalize('NFKC')) : v),
      text()
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
  z.enum(values, { error: schemaText('field.one_of', { values: values.join(', ') }) });

export const foreignId = () => z.number({ error: '選択してください。' }).int().positive();
