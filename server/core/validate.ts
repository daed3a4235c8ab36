import { z } from 'zod';
import { AppError, type FieldTexts } from './errors.js';
import { both, type ErrorKey, fromJapanese, msg, type Param, schemaText, type Text } from './messages.js';

/**
 * zod's own sentences come in Japanese (the default) and English: while an issue is made, the
 * English sentence is worked out from the same facts and kept on the issue (`message_en`).
 * Sentences a schema gives itself are catalogue texts (see `fromJapanese`).
 */
const english = z.locales.en().localeError;
z.config(z.locales.ja());
z.config({
  customError: (issue) => {
    const en = english(issue);
    const text = typeof en === 'string' ? en : en?.message;
    if (text) Object.assign(issue, { message_en: text });
    return undefined;
  },
});

/** An issue's sentence in both languages. */
function issueText(issue: z.core.$ZodIssue): Text {
  const known = fromJapanese(issue.message);
  if (known) return known;
  const en = (issue as { message_en?: unknown }).message_en;
  return both(issue.message, typeof en === 'string' ? en : issue.message);
}

/** Field-keyed sentences in the shape react-admin shows beside each input. */
export function fieldTexts(error: z.ZodError): FieldTexts {
  // Keys come from the request: `__proto__` or `constructor` must be plain entries here too.
  const out: FieldTexts = Object.create(null);
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out[[...issue.path, key].join('.')] ??= 'field_not_accepted';
      continue;
    }
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    out[key] ??= issueText(issue);
  }
  return out;
}

/** The first issue's sentence, in both languages (for a refusal that names one problem). */
export const firstIssueText = (error: z.ZodError, fallback: ErrorKey): Text => {
  const issue = error.issues[0];
  return issue ? issueText(issue) : fallback;
};

export function validationError(error: z.ZodError, what: ErrorKey = 'noun.input'): AppError {
  const errors = fieldTexts(error);
  const first = Object.entries(errors)[0];
  const detail: Param = first ? msg('invalid_input_detail', { field: first[0], message: asParamText(first[1]) }) : '';
  return new AppError('validation', msg('invalid_input', { what: msg(what), detail }), errors);
}

const asParamText = (text: Text): Param => (typeof text === 'string' ? msg(text) : text);

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what?: ErrorKey): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, what);
  return result.data;
}

/** A query parameter that carries JSON (react-admin's sort, range and filter). */
export function jsonParam<S extends z.ZodType>(schema: S) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        const parsed: unknown = JSON.parse(text);
        return parsed;
      } catch {
        ctx.addIssue({ code: 'custom', message: schemaText('json_unreadable') });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
