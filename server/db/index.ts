import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { createLogger, knexLog, type Logger } from '../log.js';
import { lockDataDir } from './data-dir-lock.js';
import { PreparingPgClient } from './prepared.js';

export type Engine = 'postgres' | 'pglite';
export type Db = {
  knex: Knex;
  engine: Engine;
  close: () => Promise<void>;
  /** Resolves once the database can take queries (PGlite opening or creating its files). */
  ready?: Promise<void>;
};

/**
 * How long a request waits for a database connection before it is told the database is busy
 * (503): on PGlite there is one connection, so this is the wait behind other requests.
 */
export const ACQUIRE_TIMEOUT_MS = 10_000;

const INT8 = 20;
const DATE = 1082;

// count(*) and bigserial ids are int8: numbers on both engines (they stay far below 2^53).
// A calendar date stays 'YYYY-MM-DD': a Date at local midnight would shift a day in other zones.
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

const PGLITE_PARSERS = { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v };
export const PGLITE_EXTENSIONS = { btree_gist, pg_trgm };

export function newPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): PGlite {
  return new PGlite({ ...options, extensions: PGLITE_EXTENSIONS, parsers: PGLITE_PARSERS });
}

let fallbackLogger: Logger | undefined;
const logFor = (logger?: Logger) => {
  if (logger) return knexLog(logger);
  fallbackLogger ??= createLogger();
  return knexLog(fallbackLogger);
};

/**
 * Shared by both engines. An error's message is the SQL with its placeholders, never the SQL
 * with the bound values written in (Knex's default would put names and phone numbers there).
 */
const COMMON = { compileSqlOnError: false } as const;

/**
 * Knex starts a failed query's message with its SQL; take it off again, so an error carries
 * the database's or the driver's own words only (see serializeError for what reaches the log).
 */
function withoutSqlInMessages(knex: Knex): Knex {
  knex.on('query-error', (err: unknown, query: { sql?: unknown }) => {
    if (!(err instanceof Error) || typeof query?.sql !== 'string') return;
    const prefix = `${query.sql} - `;
    if (err.message.startsWith(prefix)) {
      const message = err.message.slice(prefix.length);
      if (typeof err.stack === 'string' && err.stack.includes(err.message)) err.stack = err.stack.replace(err.message, message);
      err.message = message;
    }
  });
  return knex;
}

/**
 * Knex over PGlite's single connection. Opening a data folder (creating it, the first time) is
 * part of the first acquisition: await pglite.waitReady first so it is not counted against
 * the acquire timeout.
 */
export function knexForPglite(pglite: PGlite, options: { logger?: Logger; acquireTimeoutMs?: number } = {}): Knex {
  return withoutSqlInMessages(
    knexFactory({
      ...COMMON,
      client: ClientPgLite as unknown as typeof knexFactory.Client,
      dialect: 'postgres',
      connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
      useNullAsDefault: false,
      log: logFor(options.logger),
      acquireConnectionTimeout: options.acquireTimeoutMs ?? ACQUIRE_TIMEOUT_MS,
    }),
  );
}

/**
 * A pooled connection that broke (the server restarted, an administrator ended it) is marked
 * by Knex's pg client when it emits 'error' or 'end', also while idle, and the pool destroys it
 * instead of lending it again; the failing query answers 503 (see isConnectionLost).
 */
export function knexForPostgres(url: string, poolMax = 10, logger?: Logger): Knex {
  return withoutSqlInMessages(
    knexFactory({
      ...COMMON,
      log: logFor(logger),
      client: PreparingPgClient as unknown as typeof knexFactory.Client,
      connection: url,
      pool: {
        min: 0,
        max: poolMax,
        // JIT compilation costs our short reporting queries 0.2–0.4 s each and saves nothing.
        afterCreate: (conn: pg.Client, done: (err: Error | null, conn: pg.Client) => void) => {
          conn.query('set jit = off', (err) => done(err, conn));
        },
      },
      acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
    }),
  );
}

/**
 * PostgreSQL when a URL is given, else PGlite with its files in dataDir. PGlite's folder is
 * locked for this process (DataDirLockedError when another server holds it) until close().
 */
export function openDb(options: { databaseUrl?: string; dataDir: string; logger?: Logger }): Db {
  if (options.databaseUrl) {
    const knex = knexForPostgres(options.databaseUrl, 10, options.logger);
    return { knex, engine: 'postgres', close: () => knex.destroy() };
  }
  const lock = lockDataDir(options.dataDir);
  let pglite: PGlite;
  try {
    pglite = newPglite({ dataDir: options.dataDir });
  } catch (err) {
    lock.release();
    throw err;
  }
  const ready = pglite.waitReady;
  ready.catch(() => undefined); // reported to whoever awaits it (start-up), or by the first query
  const knex = knexForPglite(pglite, { logger: options.logger });
  return {
    knex,
    engine: 'pglite',
    ready,
    close: async () => {
      try {
        await knex.destroy();
      } finally {
        lock.release();
      }
    },
  };
}
