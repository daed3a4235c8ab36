import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../log.js';
import './context.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/**
 * A request id a proxy hands us is kept only when it looks generated: a UUID, or 16–64 hex
 * digits with at least one letter. Anything freer could be a phone number, a name or an e-mail
 * address someone put in the header, and would then be written to every line.
 */
const SANE_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?=[0-9]*[a-f])[0-9a-f]{16,64})$/i;
const PATTERN = Symbol('route pattern');
/** Set by the error handler: the error code of the answer, and the error itself for a 5xx. */
export const ERROR_CODE = Symbol('error code');

declare module 'express-serve-static-core' {
  interface Request {
    /** The matched route pattern, caught by trackRoute. */
    [PATTERN]?: string;
  }
  interface Response {
    /** The error code of the answer, set by the error handler. */
    [ERROR_CODE]?: string;
  }
}

export const newRequestId = () => randomBytes(8).toString('hex');

function requestIdFor(req: Request, res: Response): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SANE_ID.test(given) ? given : newRequestId();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/**
 * The router sets `req.route` when a route matches, while `req.baseUrl` is still that router's
 * mount path: catching the assignment gives `/api/clients/:id`, however the request ends (the
 * base is reset when an error leaves the router).
 */
const trackRoute: RequestHandler = (req, _res, next) => {
  let route: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set: (value: { path?: unknown } | undefined) => {
      route = value;
      const path = value?.path;
      if (typeof path !== 'string') return;
      req[PATTERN] = path === '/' && req.baseUrl ? req.baseUrl : `${req.baseUrl}${path}`;
    },
  });
  next();
};

/** The route pattern, never the raw URL (which may carry names in a path or a query string). */
export function routePattern(req: Request): string {
  if (req[PATTERN]) return req[PATTERN];
  const url = req.originalUrl ?? req.url ?? '';
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?') ? '/api/*' : '(static)';
}

function fields(req: Request, res: Response, durationMs: unknown) {
  const code = res[ERROR_CODE];
  return {
    method: req.method,
    route: routePattern(req),
    status: res.statusCode,
    duration_ms: durationMs,
    staff_id: req.staff?.id ?? null,
    ...(code ? { error_code: code } : {}),
  };
}

/**
 * One JSON line per request when its answer is finished (or the client went away): request id,
 * method, route pattern, status, duration and the signed-in staff member's id. No URL, query
 * string, header or body is ever written; a 5xx adds the error through serializeError.
 */
export function requestLogger(logger: Logger): RequestHandler[] {
  const http = pinoHttp<Request, Response>({
    logger,
    genReqId: requestIdFor,
    quietReqLogger: true,
    quietResLogger: true,
    wrapSerializers: false,
    customAttributeKeys: { reqId: 'request_id', responseTime: 'duration_ms' },
    // A download that failed after its headers went out still says 200: its error makes it one.
    customLogLevel: (_req, res, err) => (res.statusCode >= 500 || err || res.err ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessObject: (req, res, base: { duration_ms?: unknown }) => fields(req, res, base.duration_ms),
    customErrorObject: (req, res, err, base: { duration_ms?: unknown }) => ({ ...fields(req, res, base.duration_ms), err }),
    customSuccessMessage: (_req, res) => (res.writableEnded ? 'request completed' : 'request aborted'),
    customErrorMessage: () => 'request failed',
  });
  return [http, trackRoute];
}
