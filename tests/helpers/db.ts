import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { knexForPglite, knexForPostgres, newPglite, type Db } from '../../server/db/index.js';
import type { Logger } from '../../server/log.js';
import { adminUrl, databaseUrl } from './pg-url.js';

/** url: the PostgreSQL database's, for a test that opens connections of its own to it. */
export type TestDb = Db & { url?: string };

/**
 * A fresh, migrated database for one test file: PostgreSQL when TEST_DATABASE_URL is set,
 * else an in-memory PGlite loaded from the run's template.
 */
export async function createTestDb(options: { logger?: Logger } = {}): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `spot_test_${randomBytes(5).toString('hex')}`;
    const admin = knexForPostgres(adminUrl(url), 1);
    await admin.raw(`create database ${name} template ${inject('pgTemplate')}`);
    const dbUrl = databaseUrl(url, name);
    const knex = knexForPostgres(dbUrl, 20, options.logger);
    return {
      knex,
      engine: 'postgres',
      url: dbUrl,
      close: async () => {
        await knex.destroy();
        await admin.raw(`drop database if exists ${name} with (force)`);
        await admin.destroy();
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const pglite = newPglite({ loadDataDir: blob });
  // Loading the template is not part of any request's wait for the connection.
  await pglite.waitReady;
  const knex = knexForPglite(pglite, { logger: options.logger });
  return { knex, engine: 'pglite', close: () => knex.destroy() };
}

export const engineName = () => (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
