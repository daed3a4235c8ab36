import { asParam, type ErrorKey, type Lang, msg, type Param, render, type Text } from './messages.js';

export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Field-keyed sentences, in the shape react-admin shows beside each input. */
export type FieldTexts = Record<string, Text>;

/**
 * The one error type the application throws; the error handler turns it into the API's JSON in
 * the request's language. `message` and `errors` are the Japanese rendering (for logs and the
 * import report); `text` and `fieldTexts` keep the catalogue key and parameters.
 */
export class AppError extends Error {
  readonly status: number;
  readonly errors?: Record<string, string>;
  constructor(
    readonly code: ErrorCode,
    readonly text: Text,
    readonly fieldTexts?: FieldTexts,
  ) {
    super(render(text, 'ja'));
    this.status = STATUS[code];
    if (fieldTexts) this.errors = renderFields(fieldTexts, 'ja');
  }

  /** The sentence and the field sentences in one language. */
  localised(lang: Lang): { message: string; errors?: Record<string, string> } {
    return { message: render(this.text, lang), ...(this.fieldTexts ? { errors: renderFields(this.fieldTexts, lang) } : {}) };
  }
}

function renderFields(texts: FieldTexts, lang: Lang): Record<string, string> {
  // Keys can come from the request (`__proto__`): plain entries here too.
  const out: Record<string, string> = Object.create(null);
  for (const [field, text] of Object.entries(texts)) out[field] = render(text, lang);
  return out;
}

/** A 429 that says, in seconds, when a retry can succeed; sent as the Retry-After header too. */
export class RateLimitedError extends AppError {
  constructor(
    text: Text,
    readonly retryAfter: number,
  ) {
    super('rate_limited', text);
  }
}

/** When a retry can succeed, for a coordinator's eyes: 「約 N 分後」 / "in about N minutes". */
export const retryIn = (seconds: number): Param =>
  seconds < 60 ? msg('retry.seconds', { n: seconds }) : msg('retry.minutes', { n: Math.ceil(seconds / 60) });

/** `what` names the record: a noun key of the catalogue (`noun.request`). */
export const notFound = (what: ErrorKey = 'noun.record') => new AppError('not_found', msg('not_found', { what: msg(what) }));
export const conflict = (text: Text) => new AppError('conflict', text);
export const forbidden = (text: Text = 'forbidden') => new AppError('forbidden', text);
export const validation = (text: Text, errors?: FieldTexts) => new AppError('validation', text, errors);
/** A refusal of one field: the same sentence beside the input and (introduced) in the notification. */
export const fieldError = (field: string, text: Text) =>
  new AppError('validation', msg('check_input', { detail: asParam(text) }), { [field]: text });
/** A refusal whose sentence also stands beside one input. */
export const refuseField = (field: string, text: Text, code: ErrorCode = 'validation') => new AppError(code, text, { [field]: text });
export const staleVersion = () => new AppError('conflict', 'stale_version');
