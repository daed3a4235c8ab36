import type { Knex } from 'knex';
import type pg from 'pg';
import { migrationSource } from '../../migrations/index.js';
import { PreparingPgClient } from './prepared.js';

const CONFIG = { migrationSource, tableName: 'knex_migrations' };

/** Any fixed number: the advisory lock taken by a server while it migrates. */
const MIGRATION_LOCK = 20261202;

/**
 * Brings the schema up to date. On PostgreSQL, servers starting together (on several machines,
 * on a new database) take turns: each holds a session advisory lock on a connection of its own
 * while it migrates. Without it two create knex_migrations at once and one fails ("already
 * exists"), or one finds Knex's migration lock taken and fails instead of waiting. The lock goes
 * with the connection, so a server that dies mid-way does not leave it behind. PGlite is one
 * process (its data folder is locked), and its one connection could not hold the lock anyway.
 */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  const latest = async () => {
    const [, applied]: [number, string[]] = await knex.migrate.latest(CONFIG);
    return applied;
  };
  if (!(knex.client instanceof PreparingPgClient)) return latest();
  // A connection outside the pool, opened with the pool's own settings.
  const lock: pg.Client = await knex.client.acquireRawConnection();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await latest();
  } finally {
    await knex.client.destroyRawConnection(lock);
  }
}

export async function rollbackAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback(CONFIG, true);
}
