import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { MAX_EXPORTS_AT_ONCE } from '../server/exports/copy.js';
import { useTestApp } from './helpers/app.js';
import { loginCookie, stalledDownload } from './helpers/child-server.js';
import { createClient, createStaff, TEST_PASSWORD, bulkLoad } from './helpers/factories.js';

/**
 * A download that is not read must not stop everyone else: on PGlite every request shares one
 * database connection, and an export used to hold it until the client had read the last byte.
 */
const t = useTestApp();
const ROWS = 20_000;
const spoolDir = mkdtempSync(path.join(tmpdir(), 'spot-spool-test-'));
const errors: unknown[] = [];
let server: Server;
let base: string;
let cookie: string;
let login: { email: string; password: string };

beforeAll(async () => {
  const client = await createClient(t.db.knex);
  // About 15 MB of CSV: far more than the socket buffers of a reader that never reads.
  await bulkLoad(t.db.knex, () =>
    t.db.knex.raw(
      `insert into support_requests (request_no, client_id, channel, category, task_type, mode, language, municipality_code, description, status)
       select 'R-STALL-' || g, ?, 'phone', 'medical', 'hospital', 'in_person', 'en', '131105', repeat('通院の付き添い。', 40), 'received'
       from generate_series(1, ${ROWS}) g`,
      [client.id],
    ),
  );
  const app = buildApp(t.db, { sessionSecret: 'stall-secret-'.padEnd(48, 'x'), log: (err) => errors.push(err), exportSpoolDir: spoolDir });
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const staff = await createStaff(t.db.knex, { role: 'coordinator' });
  login = { email: staff.email, password: TEST_PASSWORD };
  cookie = await loginCookie(base, staff.email);
});
afterAll(() => {
  server?.closeAllConnections();
  server?.close();
  rmSync(spoolDir, { recursive: true, force: true });
});

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`still waiting for ${what}`);
};

describe('an export nobody reads', () => {
  it('leaves health checks, logins and lists answering, then still delivers the whole file', async () => {
    const download = await stalledDownload(base, cookie);
    expect(download.statusCode).toBe(200);
    // Give the server time to fill every buffer between it and the reader that does not read.
    await new Promise((r) => setTimeout(r, 1500));

    // Each of these waited for the export's connection (60 s, then a failure) before the fix.
    const patience = { signal: AbortSignal.timeout(15_000) };
    const health = await fetch(`${base}/api/health`, patience);
    expect(health.status).toBe(200);
    const again = await fetch(`${base}/api/auth/login`, {
      ...patience,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(login),
    });
    expect(again.status).toBe(200);
    const list = await fetch(`${base}/api/support-requests?range=[0,4]`, { ...patience, headers: { cookie } });
    expect(list.status).toBe(200);
    // Unfiltered, the total comes exact from the counters the database keeps, however many rows.
    expect(list.headers.get('content-range')).toMatch(new RegExp(`/${ROWS}$`));
    expect(list.headers.get('x-total-approximate')).toBeNull();
    expect(Number(list.headers.get('content-range')?.split('/')[1])).toBeGreaterThan(10_000);

    // The reader comes back: the file is complete, and its temporary copy is gone afterwards.
    download.socket.resume();
    download.resume();
    const chunks: Buffer[] = [];
    download.on('data', (c: Buffer) => chunks.push(c));
    await once(download, 'end');
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(ROWS + 1);
    // On PGlite the file is complete before it is sent, so its length is known up front.
    if (t.db.engine === 'pglite') expect(Number(download.headers['content-length'])).toBe(Buffer.concat(chunks).length);
    await until(() => readdirSync(spoolDir).length === 0, 'the temporary file to be removed');
    expect(errors).toEqual([]);
  }, 90_000);

  it('removes the temporary file of a download cancelled before or while it is sent', async () => {
    for (const wait of [50, 400, 2500]) {
      const req = http.get(`${base}/api/exports/support-requests.csv`, { headers: { cookie } }, (res) => res.pause());
      req.on('error', () => undefined);
      await new Promise((r) => setTimeout(r, wait));
      req.destroy();
      await until(() => readdirSync(spoolDir).length === 0, `the temporary file to be removed (cancelled after ${wait} ms)`);
    }
    // The connection is free and the next download is whole.
    const res = await fetch(`${base}/api/exports/support-requests.csv`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect((await res.text()).split('\r\n').filter(Boolean)).toHaveLength(ROWS + 1);
    await until(() => readdirSync(spoolDir).length === 0, 'every temporary file to be removed');
    expect(errors).toEqual([]);
  }, 90_000);

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'on PostgreSQL, runs at most MAX_EXPORTS_AT_ONCE at once, tells a further one to retry, and ends the COPYs of cancelled ones',
    async () => {
      const copies = async () =>
        Number(
          (
            await t.db.knex.raw(
              "select count(*) as n from pg_stat_activity where datname = current_database() and query ilike 'copy (%' and state <> 'idle'",
            )
          ).rows[0].n,
        );
      const stalled = [];
      for (let i = 0; i < MAX_EXPORTS_AT_ONCE; i++) stalled.push(await stalledDownload(base, cookie));
      expect(stalled.map((d) => d.statusCode)).toEqual(Array(MAX_EXPORTS_AT_ONCE).fill(200));
      const refused = await fetch(`${base}/api/exports/support-requests.csv`, { headers: { cookie } });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBeTruthy();
      expect((await refused.json()).message).toMatch(/混み合っています/);
      // Lists still answer meanwhile: the exports do not hold the pool's connections.
      const list = await fetch(`${base}/api/support-requests?range=[0,4]`, { headers: { cookie } });
      expect(list.status).toBe(200);
      for (const d of stalled) d.destroy();
      for (let i = 0; i < 100 && (await copies()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await copies()).toBe(0);
      const res = await fetch(`${base}/api/exports/support-requests.csv`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect((await res.text()).split('\r\n').filter(Boolean)).toHaveLength(ROWS + 1);
      // The one refusal, logged as every 503 is; nothing else.
      expect(errors).toEqual([expect.objectContaining({ status: 503 })]);
      errors.length = 0;
    },
    90_000,
  );
});
