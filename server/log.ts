import { hostname } from 'node:os';
import type { Knex } from 'knex';
import { pino, type DestinationStream, type Logger } from 'pino';
import { AppError } from './core/errors.js';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type SerializedError = {
  name: string;
  message?: string;
  code?: string;
  severity?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
  stack?: string;
  cause?: SerializedError;
  errors?: SerializedError[];
};

/** Identifiers and codes a database error carries besides its text: names, never values. */
const KEPT_FIELDS = ['code', 'severity', 'schema', 'table', 'column', 'constraint', 'routine'] as const;

/**
 * Fields that mark an error whose message may quote the data it failed on: database and driver
 * errors (SQL, bound values, the failing row in `detail`, the PL/pgSQL context in `where`) and
 * body-parser errors (which keep the raw body).
 */
const VALUE_MARKERS = [
  'sql',
  'bindings',
  'query',
  'params',
  'parameters',
  'detail',
  'where',
  'hint',
  'internalQuery',
  'routine',
  'severity',
  'body',
];
const SQLSTATE = /^[0-9A-Z]{5}$/;
/** A message that starts with a statement is a query builder's: it may quote values. */
const STARTS_WITH_SQL =
  /^\s*(select|insert|update|delete|with|begin|commit|rollback|savepoint|release|lock|set|copy|create|alter|drop|truncate|values)\b/i;

function mayQuoteValues(e: Record<string, unknown>): boolean {
  if (e instanceof AppError) return false; // our own sentences
  if (e.name === 'SyntaxError') return true; // JSON.parse quotes the text it could not read
  if (typeof e.type === 'string' && e.type.startsWith('entity.')) return true;
  if (VALUE_MARKERS.some((key) => e[key] !== undefined)) return true;
  if (typeof e.message === 'string' && STARTS_WITH_SQL.test(e.message)) return true;
  // A SQLSTATE code means the database wrote the message; Node's system errors (ECONNREFUSED,
  // EPIPE…) carry a syscall and a fixed text.
  return typeof e.code === 'string' && SQLSTATE.test(e.code) && e.syscall === undefined;
}

/** The stack's frames only: its first lines repeat the message, which may have been dropped. */
function framesOf(stack: string, head: string): string {
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [head, ...frames].join('\n');
}

/**
 * The one way an error reaches the log: name, code, the database's identifiers (constraint,
 * table, column, routine) and the stack's frames; the message only when it cannot quote values.
 * SQL, bound values, `detail`, `where`, query text and bodies are never copied.
 */
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function serializeError(err: unknown, depth = 0): SerializedError {
  if (!isRecord(err)) return { name: typeof err };
  const e = err;
  const name = typeof e.name === 'string' && e.name ? e.name.slice(0, 100) : 'Error';
  const out: SerializedError = { name };
  if (!mayQuoteValues(e) && typeof e.message === 'string' && e.message) out.message = e.message.slice(0, 500);
  for (const key of KEPT_FIELDS) {
    const value = e[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = String(value).slice(0, 100);
  }
  if (typeof e.stack === 'string') out.stack = framesOf(e.stack, out.message === undefined ? name : `${name}: ${out.message}`);
  if (depth < 3) {
    if (e.cause !== undefined) out.cause = serializeError(e.cause, depth + 1);
    if (Array.isArray(e.errors) && !(e instanceof AppError))
      out.errors = e.errors.slice(0, 5).map((inner) => serializeError(inner, depth + 1));
  }
  return out;
}

/** Only what identifies a request, whoever logs `{ req }`: never its URL, headers or body. */
function serializeRequest(req: { id?: unknown; method?: unknown }) {
  return { id: req.id, method: req.method };
}

function serializeResponse(res: { statusCode?: unknown }) {
  return { status: res.statusCode };
}

/**
 * Belt and braces: lines are built from chosen fields, but anything that does slip into a log
 * call under these names is replaced.
 */
const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-forwarded-for"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["set-cookie"]',
  'req.body',
  'req.query',
  'req.url',
  'req.originalUrl',
  'body',
  'query',
  'url',
  'bindings',
  'sql',
  'password',
  '*.password',
];

/** LOG_LEVEL when it names a level (the server checks it at start, see config.ts), else info. */
const defaultLevel = (): LogLevel => {
  const env = process.env.LOG_LEVEL;
  return LOG_LEVELS.find((level) => level === env) ?? 'info';
};

/** JSON lines on stdout (or `destination`), at `level` (default: LOG_LEVEL, else info). */
export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? defaultLevel(),
      // Which process wrote the line, when several share one database behind a load balancer.
      base: { service: 'spot-otonari', hostname: hostname(), pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError, error: serializeError, req: serializeRequest, res: serializeResponse },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * Knex's own warnings (a broken pooled connection, a dropped acquire) go to the log as one
 * short line instead of the console.
 */
export function knexLog(logger: Logger): Knex.Config['log'] {
  const line = (message: unknown) => String(message).split('\n')[0]!.slice(0, 200);
  return {
    warn: (message) => logger.warn({ source: 'knex' }, line(message)),
    error: (message) => logger.error({ source: 'knex' }, line(message)),
    deprecate: (message) => logger.debug({ source: 'knex' }, line(message)),
    debug: (message) => logger.debug({ source: 'knex' }, line(message)),
  };
}
