import type { Knex } from 'knex';
import { migrationSource } from '../../migrations/index.js';

const CONFIG = { migrationSource, tableName: 'knex_migrations' };

export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied]: [number, string[]] = await knex.migrate.latest(CONFIG);
  return applied;
}

export async function rollbackAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback(CONFIG, true);
}
