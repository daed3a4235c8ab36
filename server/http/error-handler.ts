import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { AppError, RateLimitedError } from '../core/errors.js';
import { type ErrorKey, keyOf, type Lang, languageOf, msg, render } from '../core/messages.js';
import { ERROR_CODE } from './request-log.js';
import { validationError } from '../core/validate.js';

type PgError = { code?: string; constraint?: string; detail?: string; type?: string; status?: number; name?: string; message?: string };
/** Any thrown object, read as the fields a database or body-parser error may carry (all optional). */
type ErrorFields = PgError & { cause?: unknown; errors?: unknown };
const errorFields = (err: object): ErrorFields => err;

const UNAVAILABLE_MESSAGE = 'db.unavailable';
/** Node's socket errors when the database cannot be reached or the connection drops. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** pg's and PGlite's own words for a connection that is gone. */
const LOST_CONNECTION =
  /Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|PGlite is closed|Unable to acquire a connection/;

/**
 * The database is unreachable or dropped the connection: 08xxx (connection exceptions),
 * 57P01–57P03 (shutdown, crash, cannot connect now), 53300 (too many connections), a socket
 * error, or no pooled connection free in time. Answered 503: the request was fine, try again.
 */
export function isConnectionLost(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = errorFields(err);
  const code = typeof e.code === 'string' ? e.code : '';
  if (code.startsWith('08') && code.length === 5) return true;
  if (['57P01', '57P02', '57P03', '53300'].includes(code) || SOCKET_CODES.has(code)) return true;
  if (e.name === 'KnexTimeoutError') return true;
  if (typeof e.message === 'string' && LOST_CONNECTION.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isConnectionLost(inner, depth + 1))) return true;
  return isConnectionLost(e.cause, depth + 1);
}

/** Database refusals that mean the input was wrong or conflicting, never a server fault. */
/** Constraints whose refusal deserves its own sentence. */
const CONSTRAINT_MESSAGES: Record<string, ErrorKey> = {
  assignments_no_double_booking: 'db.double_booking',
  assignments_one_confirmed_per_request: 'db.one_confirmed',
  activity_reports_request_id_unique: 'db.report_exists',
};

function fromDatabase(err: PgError): AppError | undefined {
  const special = err.constraint ? CONSTRAINT_MESSAGES[err.constraint] : undefined;
  if (special && (err.code === '23505' || err.code === '23P01')) return new AppError('conflict', special);
  switch (err.code) {
    case '23505':
      return new AppError('conflict', 'db.duplicate');
    case '23P01':
      return new AppError('conflict', 'db.overlap');
    case '23503':
      return new AppError('validation', 'db.reference');
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return new AppError('validation', 'db.rule');
    // A NUL (or broken text) that got past the schemas: text and jsonb cannot hold it.
    case '22021':
    case '22P05':
      return new AppError('validation', msg('db.bad_character', { detail: msg('control_character') }));
    case '40001':
    case '40P01':
      return new AppError('conflict', 'db.concurrent');
    default:
      return undefined;
  }
}

/** express.json() and friends report their failures with a `type`. */
function fromBodyParser(err: PgError): AppError | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return new AppError('payload_too_large', 'body.too_large');
    case 'entity.parse.failed':
      return new AppError('validation', 'body.bad_json');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', 'body.charset');
    default:
      return err.status && err.status >= 400 && err.status < 500 ? new AppError('validation', 'body.unprocessable') : undefined;
  }
}

/** Knex gave up waiting for a free connection (every one busy, or PGlite's one held too long). */
const BUSY = 'db.busy';

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) return validationError(err);
  if (err instanceof Error && err.name === 'KnexTimeoutError') return new AppError('unavailable', BUSY);
  if (isConnectionLost(err)) return new AppError('unavailable', UNAVAILABLE_MESSAGE);
  if (err && typeof err === 'object') {
    const known = fromDatabase(errorFields(err)) ?? fromBodyParser(errorFields(err));
    if (known) return known;
  }
  return new AppError('internal', 'internal');
}

/**
 * Every error becomes the API's JSON with the request id staff can quote; a 5xx also quotes it
 * in the message the console shows. The error itself, with its stack, goes only to the request's
 * log line (through serializeError); `onServerError` also hears of each 5xx (tests collect them).
 */
export function errorHandler(onServerError?: (err: unknown) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const appError = toAppError(err);
    const requestId = typeof req.id === 'string' ? req.id : undefined;
    res[ERROR_CODE] = appError.code;
    if (appError.status >= 500) {
      res.err = err instanceof Error ? err : Object.assign(new Error('non-error thrown'), { name: 'NonError' });
      onServerError?.(err);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const lang: Lang = languageOf(req.get('accept-language'));
    const { message, errors } = appError.localised(lang);
    const quote = appError.status >= 500 && requestId ? render(msg('request_id_quote', { id: requestId }), lang) : '';
    // The sentence follows the console's Accept-Language: a cache must keep the languages apart.
    res.vary('Accept-Language');
    if (appError.status === 503) res.set('Retry-After', '5');
    if (appError instanceof RateLimitedError) res.set('Retry-After', String(appError.retryAfter));
    res.status(appError.status).json({
      error: appError.code,
      message: message + quote,
      ...(keyOf(appError.text) ? { message_code: keyOf(appError.text) } : {}),
      ...(errors ? { errors } : {}),
      ...(requestId ? { request_id: requestId } : {}),
    });
  };
}

export const apiNotFound: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 'no_such_api'));
};
