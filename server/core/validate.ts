import { z } from 'zod';
import { AppError } from './errors.js';

z.config(z.locales.ja());

/** Field-keyed messages in the shape react-admin shows beside each input. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  // Keys come from the request: `__proto__` or `constructor` must be plain entries here too.
  const out: Record<string, string> = Object.create(null);
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out[[...issue.path, key].join('.')] ??= 'この項目は受け付けられません。';
      continue;
    }
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    out[key] ??= issue.message;
  }
  return out;
}

export function validationError(error: z.ZodError, what = '入力内容'): AppError {
  const errors = fieldErrors(error);
  const first = Object.entries(errors)[0];
  const detail = first ? ` (${first[0]}: ${first[1]})` : '';
  return new AppError('validation', `${what}に誤りがあります${detail}`, errors);
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what?: string): z.output<S> {
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
        ctx.addIssue({ code: 'custom', message: 'JSON として読めません。' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
