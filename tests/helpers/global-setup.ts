import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { knexForPglite, knexForPostgres, newPglite } from '../../server/db/index.js';
import { migrateLatest } from '../../server/db/migrate.js';
import { seedReference } from '../../seeds/reference.js';
import { adminUrl, databaseUrl } from './pg-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

/**
 * One migrated template per run: PGlite's is dumped to a file each test file loads (~0.6 s
 * instead of a 3 s migration); PostgreSQL's is a template database each file copies.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `spot_tpl_${randomBytes(4).toString('hex')}`;
    const admin = knexForPostgres(adminUrl(url), 1);
    await admin.raw(`create database ${name}`);
    const tpl = knexForPostgres(databaseUrl(url, name), 1);
    await migrateLatest(tpl);
    await seedReference(tpl);
    await tpl.destroy();
    project.provide('pgTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'spot-tpl-'));
  const file = path.join(dir, 'template.tar.gz');
  // Creating the database's files counts against no acquire timeout when awaited first.
  const pglite = newPglite();
  await pglite.waitReady;
  const knex = knexForPglite(pglite);
  await migrateLatest(knex);
  await seedReference(knex);
  const client = (knex.client as unknown as { pglite: import('@electric-sql/pglite').PGlite }).pglite;
  const dump = await client.dumpDataDir('gzip');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await knex.destroy();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
