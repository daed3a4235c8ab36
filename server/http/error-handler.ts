import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { AppError, RateLimitedError } from './errors.js';
import { validationError } from './validate.js';

type PgError = { code?: string; constraint?: string; detail?: string; type?: string; status?: number };

/** Database refusals that mean the input was wrong or conflicting, never a server fault. */
/** Constraints whose refusal deserves its own sentence. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  assignments_no_double_booking: 'このボランティアはその時間にすでに別の活動が確定しています。',
  assignments_one_confirmed_per_request: 'この依頼にはすでに確定したボランティアがいます。',
  activity_reports_request_id_unique: 'この依頼の活動報告はすでに登録されています。',
};

function fromDatabase(err: PgError): AppError | undefined {
  const special = err.constraint ? CONSTRAINT_MESSAGES[err.constraint] : undefined;
  if (special && (err.code === '23505' || err.code === '23P01')) return new AppError('conflict', special);
  switch (err.code) {
    case '23505':
      return new AppError('conflict', '同じ内容のレコードがすでにあります。');
    case '23P01':
      return new AppError('conflict', '時間が重なる予定がすでに確定しています。');
    case '23503':
      return new AppError('validation', '参照先のレコードが存在しないか、関連する記録があるため処理できません。');
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return new AppError('validation', '入力された値がデータの規則に合いません。');
    case '40001':
    case '40P01':
      return new AppError('conflict', '同時に別の更新が行われました。もう一度お試しください。');
    default:
      return undefined;
  }
}

/** express.json() and friends report their failures with a `type`. */
function fromBodyParser(err: PgError): AppError | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return new AppError('payload_too_large', '送信されたデータが大きすぎます。');
    case 'entity.parse.failed':
      return new AppError('validation', '送信されたデータを JSON として読めません。');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', 'UTF-8 の JSON で送信してください。');
    default:
      return err.status && err.status >= 400 && err.status < 500
        ? new AppError('validation', '送信されたリクエストを処理できません。')
        : undefined;
  }
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) return validationError(err);
  if (err && typeof err === 'object') {
    const known = fromDatabase(err as PgError) ?? fromBodyParser(err as PgError);
    if (known) return known;
  }
  return new AppError('internal', 'サーバーで問題が発生しました。時間をおいてもう一度お試しください。');
}

export function errorHandler(log: (err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const appError = toAppError(err);
    if (appError.status >= 500) log(err);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (appError instanceof RateLimitedError) res.set('Retry-After', String(appError.retryAfter));
    res.status(appError.status).json({
      error: appError.code,
      message: appError.message,
      ...(appError.errors ? { errors: appError.errors } : {}),
    });
  };
}

export const apiNotFound: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 'そのような API はありません。'));
};
