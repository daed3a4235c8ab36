import type { RequestHandler } from 'express';
import { AppError, forbidden } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request sent by a browser from another site is refused, whatever cookies it
 * carries. Requests without Origin (scripts, curl) rely on the SameSite=Strict cookie instead.
 */
export const sameOriginWrites: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  if (req.get('sec-fetch-site') === 'cross-site') return next(forbidden('他のサイトからの送信は受け付けません。'));
  const origin = req.get('origin');
  if (!origin) return next();
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return next(forbidden('他のサイトからの送信は受け付けません。'));
  }
  next(host === req.get('host') ? undefined : forbidden('他のサイトからの送信は受け付けません。'));
};

/** A body on a write must be JSON: anything else is 415 before it reaches a schema. Imports take a CSV file. */
export const jsonOnly: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method) || req.path.startsWith('/imports/')) return next();
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    return next(new AppError('unsupported_media_type', 'Content-Type: application/json で送信してください。'));
  }
  next();
};
