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

/** The one error type the application throws; the error handler turns it into the API's JSON. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: Record<string, string>,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/** A 429 that says, in seconds, when a retry can succeed; sent as the Retry-After header too. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfter: number,
  ) {
    super('rate_limited', message);
  }
}

export const notFound = (what = 'レコード') => new AppError('not_found', `${what}が見つかりません。`);
export const conflict = (message: string) => new AppError('conflict', message);
export const forbidden = (message = 'この操作を行う権限がありません。') => new AppError('forbidden', message);
export const validation = (message: string, errors?: Record<string, string>) => new AppError('validation', message, errors);
export const fieldError = (field: string, message: string) =>
  new AppError('validation', `入力内容を確認してください: ${message}`, { [field]: message });
export const staleVersion = () =>
  new AppError('conflict', 'このレコードは他の人が先に更新しました。画面を再読み込みしてから、もう一度編集してください。');
