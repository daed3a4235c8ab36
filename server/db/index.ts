import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';

export type Engine = 'postgres' | 'pglite';
export type Db = { knex: Knex; engine: Engine; close: () => Promise<void> };

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

export function knexForPglite(pglite: PGlite): Knex {
  return knexFactory({
    client: ClientPgLite as unknown as typeof knexFactory.Client,
    dialect: 'postgres',
    connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
    useNullAsDefault: false,
  });
}

export function knexForPostgres(url: string, poolMax = 10): Knex {
  return knexFactory({
    client: 'pg',
    connection: url,
    pool: {
      min: 0,
      max: poolMax,
      // JIT compilation costs our short reporting queries 0.2–0.4 s each and saves nothing.
      afterCreate: (conn: pg.Client, done: (err: Error | null, conn: pg.Client) => void) => {
        conn.query('set jit = off', (err) => done(err, conn));
      },
    },
    acquireConnectionTimeout: 10_000,
  });
}

/** PostgreSQL when a URL is given, else PGlite with its files in dataDir. */
export function openDb(options: { databaseUrl?: string; dataDir: string }): Db {
  if (options.databaseUrl) {
    const knex = knexForPostgres(options.databaseUrl);
    return { knex, engine: 'postgres', close: () => knex.destroy() };
  }
  const knex = knexForPglite(newPglite({ dataDir: options.dataDir }));
  return { knex, engine: 'pglite', close: () => knex.destroy() };
}
