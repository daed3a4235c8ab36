import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { ResourceRepository } from '../server/core/repository.js';
import { ResourceService } from '../server/core/service.js';
import { clients } from '../server/clients/resource.js';
import { knexForPostgres, openDb } from '../server/db/index.js';
import { migrateLatest } from '../server/db/migrate.js';
import { seedDemo } from '../seeds/demo.js';
import { seedReference } from '../seeds/reference.js';
import { adminUrl, databaseUrl } from './helpers/pg-url.js';

const url = process.env.TEST_DATABASE_URL;

/** Each table's row count and a digest of its rows' text, in UTC. */
async function fingerprint(knex: Knex): Promise<Record<string, string>> {
  return knex.transaction(async (trx) => {
    await trx.raw(`set local timezone = 'UTC'`);
    const tables: string[] = (await trx.raw(`select tablename from pg_tables where schemaname = 'public' order by 1`)).rows
      .map((r: { tablename: string }) => r.tablename)
      // Stored report figures are not copied: the target computes them anew (checked below).
      .filter((t: string) => !t.startsWith('knex_') && !t.startsWith('report_period_figures') && !t.startsWith('report_invalidation'));
    const out: Record<string, string> = {};
    for (const table of tables) {
      const row = (
        await trx.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d from ?? t`, [table])
      ).rows[0];
      out[table] = `${row.n} rows ${row.d}`;
    }
    return out;
  });
}

const cli = (target: string, dataDir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/migrate-to-postgres.ts', target], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' },
    encoding: 'utf8',
    timeout: 120_000,
  });

describe.skipIf(!url)('npm run migrate-to-postgres: an embedded database moves to PostgreSQL', () => {
  it('copies every table and row; ids and readable numbers continue; a used target is refused', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'spot-copy-'));
    const name = `spot_copy_${randomBytes(4).toString('hex')}`;
    const admin = knexForPostgres(adminUrl(url!), 1);
    await admin.raw(`create database ${name}`);
    const targetUrl = databaseUrl(url!, name);
    try {
      const embedded = openDb({ dataDir });
      await embedded.ready;
      await migrateLatest(embedded.knex);
      await seedReference(embedded.knex);
      await seedDemo(embedded.knex);
      await embedded.knex('rate_limits').insert({ key: 'x', points: 1, expires_at: new Date(Date.now() + 60_000) });
      const before = await fingerprint(embedded.knex);
      await embedded.close();

      const run = cli(targetUrl, dataDir);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Done: \d+ tables, \d+ rows/);

      const target = knexForPostgres(targetUrl, 2);
      try {
        expect(await fingerprint(target)).toEqual(before);
        for (const table of ['report_period_figures', 'report_invalidations'])
          expect(Number((await target(table).count({ n: '*' }))[0]!.n)).toBe(0);
        expect(Number(before.clients?.split(' ')[0])).toBeGreaterThan(0);
        // The next resident gets the next id and the next number, as on the embedded database.
        const last = await target('clients').orderBy('id', 'desc').first('id', 'client_no');
        const by = await target('staff').where('role', 'coordinator').first('id', 'email', 'display_name', 'role');
        const created = await new ResourceService(target, new ResourceRepository(clients)).create(by, {
          name: '移行 確認',
          languages: ['uk'],
          municipality_code: '131016',
          eligibility: 'ofp_member',
          ofp_member_no: 'OFP-9',
        });
        expect(Number(created.id)).toBe(last.id + 1);
        expect(created.client_no).toBe(`C-${String(Number(last.client_no.slice(2)) + 1).padStart(5, '0')}`);
      } finally {
        await target.destroy();
      }

      const again = cli(targetUrl, dataDir);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('already holds data');
    } finally {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
