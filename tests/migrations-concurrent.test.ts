import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrationSource } from '../migrations/index.js';
import { knexForPostgres } from '../server/db/index.js';
import { migrateLatest } from '../server/db/migrate.js';
import { adminUrl, databaseUrl } from './helpers/pg-url.js';

const url = process.env.TEST_DATABASE_URL;

describe('migrations from several servers at once', () => {
  // Servers on several machines may start together on a new, empty database: each migrates.
  it.runIf(!!url)('apply once on an empty database, and every server starts', async () => {
    const name = `spot_test_mig_${randomBytes(5).toString('hex')}`;
    const admin = knexForPostgres(adminUrl(url!), 1);
    await admin.raw(`create database ${name}`);
    const servers = [0, 1, 2, 3].map(() => knexForPostgres(databaseUrl(url!, name), 4));
    try {
      const results = await Promise.allSettled(servers.map((knex) => migrateLatest(knex)));
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
      const all = (await migrationSource.getMigrations([])).map((m) => migrationSource.getMigrationName(m));
      // Each migration applied by exactly one of them.
      const applied = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      expect(applied.sort()).toEqual([...all].sort());
      const rows = await servers[0]!('knex_migrations').pluck('name');
      expect(rows.sort()).toEqual([...all].sort());
    } finally {
      await Promise.all(servers.map((knex) => knex.destroy()));
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    }
  });
});
