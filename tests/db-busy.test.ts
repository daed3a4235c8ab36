import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import type { Knex } from 'knex';
import { buildApp } from '../server/app.js';
import { ACQUIRE_TIMEOUT_MS, knexForPglite, knexForPostgres, newPglite, type Db } from '../server/db/index.js';

/**
 * A request that cannot get a database connection in time is told so (503, in Japanese) instead
 * of waiting a minute and failing with a 500. PGlite has one connection, held here on purpose.
 */
let db: Db;
let holder: Knex.Transaction;
const logged: unknown[] = [];

beforeAll(async () => {
  const pglite = newPglite();
  await pglite.waitReady;
  const knex = knexForPglite(pglite, { acquireTimeoutMs: 300 });
  db = { knex, engine: 'pglite', close: () => knex.destroy() };
  holder = await knex.transaction();
});
afterAll(async () => {
  await holder?.rollback().catch(() => undefined);
  await db?.close();
});

describe('a busy database', () => {
  it('answers 503 with a message a coordinator understands when no connection frees up in time', async () => {
    const app = buildApp(db, { sessionSecret: 'busy-secret-'.padEnd(48, 'x'), log: (err) => logged.push(err) });
    const res = await request(app).post('/api/auth/login').send({ email: 'someone@npo.example', password: 'whatever-it-is' });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: 'unavailable', request_id: expect.any(String) });
    expect(res.body.message).toMatch(/^データベースが混み合っています。しばらくしてからもう一度お試しください。（問い合わせ番号: \w+）$/);
    expect(res.headers['retry-after']).toBe('5');
    expect(logged.map((e) => (e as Error).name)).toContain('KnexTimeoutError');
  });

  it('gives up after 10 s by default on both engines, not Knex’s 60 s', () => {
    expect(ACQUIRE_TIMEOUT_MS).toBe(10_000);
    // Neither connects until a query is made.
    expect(knexForPglite({} as PGlite).client.config.acquireConnectionTimeout).toBe(10_000);
    expect(knexForPostgres('postgres://nobody@127.0.0.1:1/none').client.config.acquireConnectionTimeout).toBe(10_000);
  });
});
