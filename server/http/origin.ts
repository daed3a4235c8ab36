import type { RequestHandler } from 'express';
import { AppError, forbidden } from '../core/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request sent by a browser from another site is refused, whatever cookies it
 * carries. Requests without Origin (scripts, curl) rely on the SameSite=Strict cookie instead.
 */
export const sameOriginWrites: RequestHandler = (req, res, next) => {
  // The residents' form checks its own origins (its allow-list, server/public/origin.ts).
  if (SAFE_METHODS.has(req.method) || res.locals.originChecked) return next();
  if (req.get('sec-fetch-site') === 'cross-site') return next(forbidden('cross_site'));
  const origin = req.get('origin');
  if (!origin) return next();
  next(sameOrigin(origin, req.protocol, req.get('host')) ? undefined : forbidden('cross_site'));
};

/**
 * The page's origin (scheme, host and port) against the request's own: an https page of the
 * same host is another origin for an http server, and the other way round. Behind a proxy that
 * ends TLS, req.protocol is https only with TRUST_PROXY (X-Forwarded-Proto).
 */
function sameOrigin(origin: string, protocol: string, host: string | undefined): boolean {
  // A Host header is a name or address with an optional port, never userinfo or a path.
  if (!host || !/^[\w.-]+(:\d+)?$|^\[[\d:a-fA-F.]+\](:\d+)?$/.test(host)) return false;
  try {
    // Through URL both sides drop a default port (:80, :443) the same way.
    return new URL(origin).origin === new URL(`${protocol}://${host}`).origin;
  } catch {
    return false;
  }
}

/** A body on a write must be JSON: anything else is 415 before it reaches a schema. Imports take a CSV file. */
export const jsonOnly: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method) || req.path.startsWith('/imports/')) return next();
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    return next(new AppError('unsupported_media_type', 'json_content_type'));
  }
  next();
};
