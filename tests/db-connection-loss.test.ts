import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { knexForPostgres, type Db } from '../server/db/index.js';
import { createTestDb } from './helpers/db.js';
import { createStaff, TEST_PASSWORD } from './helpers/factories.js';
import { captureLog } from './helpers/log.js';
import { adminUrl, databaseUrl } from './helpers/pg-url.js';

/**
 * PostgreSQL only (PGlite has no server to lose). An administrator ends every connection of the
 * app while requests wait inside the database; those requests answer 503 with a Japanese
 * message, none answers 500, nothing is half-written, and the next requests succeed on fresh
 * connections without a restart.
 */
const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('losing the database connections during traffic', () => {
  let db: Db;
  const log = captureLog();
  const serverErrors: unknown[] = [];
  let databaseName: string;
  beforeAll(async () => {
    db = await createTestDb({ logger: log.logger });
    databaseName = (await db.knex.raw('select current_database() as name')).rows[0].name;
  });
  afterAll(() => db?.close());

  it('answers 503 to the requests it cut, then 200 again', async () => {
    const app = buildApp(db, { sessionSecret: 'x'.repeat(40), logger: log.logger, log: (err) => serverErrors.push(err) });
    const staff = await createStaff(db.knex, { role: 'coordinator' });
    const agent = request.agent(app);
    expect((await agent.post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD })).status).toBe(200);
    // Several pooled connections, most of them idle when the administrator strikes.
    await Promise.all(Array.from({ length: 8 }, () => agent.get('/api/partners').expect(200)));
    const partnersBefore = (await db.knex('partners').count({ n: '*' }))[0]!.n;

    // Another session holds the tables, so these requests are waiting in the database.
    const locker = knexForPostgres(databaseUrl(url!, databaseName), 1);
    const admin = knexForPostgres(adminUrl(url!), 1);
    try {
      const trx = await locker.transaction();
      const lockerPid = (await trx.raw('select pg_backend_pid() as pid')).rows[0].pid;
      await trx.raw('lock table clients, partners in access exclusive mode');
      const cut = [
        ...Array.from({ length: 4 }, () => agent.get('/api/clients')),
        ...Array.from({ length: 3 }, (_, i) => agent.post('/api/partners').send({ name: `切断テスト${i}` })),
      ].map((r) => r.then((res) => res));
      const waiting = async () =>
        Number(
          (await admin.raw(`select count(*) as n from pg_stat_activity where datname = ? and wait_event_type = 'Lock'`, [databaseName]))
            .rows[0].n,
        );
      for (let tries = 0; (await waiting()) < 7; tries++) {
        if (tries > 200) throw new Error('the requests never reached the lock');
        await new Promise((r) => setTimeout(r, 25));
      }
      // Traffic that is not waiting on the lock, racing with the termination.
      const racing = Array.from({ length: 6 }, () => agent.get('/api/auth/me').then((res) => res));
      const ended = await admin.raw(
        'select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = ? and pid <> pg_backend_pid() and pid <> ?',
        [databaseName, lockerPid],
      );
      expect(Number(ended.rows[0].n)).toBeGreaterThanOrEqual(7);
      await trx.rollback();

      const answers = await Promise.all(cut);
      for (const res of answers) {
        expect(res.status, JSON.stringify(res.body)).toBe(503);
        expect(res.body).toMatchObject({ error: 'unavailable', request_id: res.headers['x-request-id'] });
        expect(res.body.message).toMatch(/^データベースに接続できません。/);
        expect(res.body.message).toContain(res.headers['x-request-id']);
      }
      for (const res of await Promise.all(racing)) expect([200, 503]).toContain(res.status);
    } finally {
      await locker.destroy();
      await admin.destroy();
    }

    // Recovered without a restart: broken pooled connections were thrown away, not lent again.
    for (let i = 0; i < 3; i++) {
      const round = await Promise.all([
        ...Array.from({ length: 6 }, () => agent.get('/api/clients')),
        agent.post('/api/partners').send({ name: `復旧後${i}` }),
      ]);
      for (const res of round) expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    }
    expect(await db.knex('partners').where('name', 'like', '切断テスト%').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect((await db.knex('partners').count({ n: '*' }))[0]!.n).toBe(Number(partnersBefore) + 3);
    expect(await db.knex('audit_log').where('resource', 'partners').where('action', 'create').count({ n: '*' })).toEqual([{ n: 3 }]);

    // Each cut request is one error line: route pattern, 503, and the connection error's code.
    const unavailable = log.lines().filter((line) => line.status === 503);
    expect(unavailable.length).toBeGreaterThanOrEqual(7);
    expect(unavailable.filter((line) => line.route === '/api/clients' || line.route === '/api/partners')).toHaveLength(7);
    for (const line of unavailable) {
      expect(line).toMatchObject({ level: 'error', error_code: 'unavailable' });
      expect(line.err).toEqual(expect.objectContaining({ name: expect.any(String), stack: expect.any(String) }));
      // A request cut while its session was being read never reached its route or its staff member.
      if (line.route === '/api/clients' || line.route === '/api/partners') expect(line.staff_id).toBe(staff.id);
      else expect(['/api/auth/me', '/api/*']).toContain(line.route);
    }
    expect(serverErrors.length).toBe(unavailable.length);
    expect(log.lines().some((line) => line.status === 500)).toBe(false);
    // The pool noticed the broken idle connections itself (pg's 'error' on an idle client is
    // handled, not thrown) and said so in the log, not on the console.
    expect(log.lines().some((line) => line.source === 'knex' && /Connection/.test(String(line.msg)))).toBe(true);
  });
});

describe('a database that is gone', () => {
  it('answers 503 with a Japanese message and the request id, never 500', async () => {
    const log = captureLog();
    const gone = await createTestDb({ logger: log.logger });
    const staff = await createStaff(gone.knex, { role: 'coordinator' });
    const app = buildApp(gone, { sessionSecret: 'x'.repeat(40), logger: log.logger });
    const agent = request.agent(app);
    expect((await agent.post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD })).status).toBe(200);
    // The embedded database closed under the app, or the pool shut down.
    const pglite = (gone.knex.client as { pglite?: { close: () => Promise<void> } }).pglite;
    if (pglite) await pglite.close();
    else await gone.knex.destroy();
    for (const res of [await agent.get('/api/clients'), await agent.post('/api/partners').send({ name: '停止中' })]) {
      expect(res.status).toBe(503);
      expect(res.body.error).toBe('unavailable');
      expect(res.body.message).toBe(
        `データベースに接続できません。しばらくしてからもう一度お試しください。（問い合わせ番号: ${res.body.request_id}）`,
      );
    }
    const health = await agent.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.request_id).toBe(health.headers['x-request-id']);
    expect(log.lines().filter((line) => line.status === 503)).toHaveLength(3);
    await gone.close().catch(() => undefined);
  });
});
