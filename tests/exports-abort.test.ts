import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { loginCookie } from './helpers/child-server.js';
import { createClient, createStaff, bulkLoad } from './helpers/factories.js';

const t = useTestApp();
const ROWS = 20_000;
let server: Server;
let base: string;
let cookie: string;

beforeAll(async () => {
  const client = await createClient(t.db.knex);
  // About 15 MB of CSV: far more than the socket buffers hold, so the export is still running when cancelled.
  await bulkLoad(t.db.knex, () =>
    t.db.knex.raw(
      `insert into support_requests (request_no, client_id, channel, category, task_type, mode, language, municipality_code, description, status)
       select 'R-BULK-' || g, ?, 'phone', 'medical', 'hospital', 'in_person', 'en', '131105', repeat('通院の付き添い。', 40), 'received'
       from generate_series(1, ${ROWS}) g`,
      [client.id],
    ),
  );
  server = t.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A coordinator may export requests too, and signs in with a password alone.
  const staff = await createStaff(t.db.knex, { role: 'coordinator' });
  cookie = await loginCookie(base, staff.email);
});
afterAll(() => {
  server?.closeAllConnections();
  server?.close();
});

describe('a cancelled CSV download', () => {
  it('stops the export, leaves no query running and the next export complete', async () => {
    const abort = new AbortController();
    const res = await fetch(`${base}/api/exports/support-requests.csv`, { headers: { cookie }, signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.value!.length).toBeGreaterThan(0);
    abort.abort();
    await reader.closed.catch(() => undefined);

    if (t.db.engine === 'postgres') {
      // The COPY's connection is closed, so PostgreSQL ends the query rather than waiting on a reader forever.
      const running = async () =>
        Number(
          (
            await t.db.knex.raw(
              `select count(*) as n from pg_stat_activity where datname = current_database() and query like 'copy (%' and pid <> pg_backend_pid()`,
            )
          ).rows[0].n,
        );
      for (let i = 0; i < 50 && (await running()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await running()).toBe(0);
    }

    const again = await fetch(`${base}/api/exports/support-requests.csv`, { headers: { cookie } });
    expect(again.status).toBe(200);
    const text = await again.text();
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(ROWS + 1);
    // The session's own settings are untouched: Japan time was set for the export's transaction only.
    for (let i = 0; i < 5; i++) expect((await t.db.knex.raw('show timezone')).rows[0].TimeZone).not.toBe('Asia/Tokyo');
    const audits = await t.db.knex('audit_log').where({ action: 'export', resource: 'support-requests' }).count({ n: '*' });
    expect(Number(audits[0]!.n)).toBe(2);
    expect(t.errors).toEqual([]);
    // Two exports of 20,000 rows with their names looked up: on a busy two-core machine this takes longer than the default.
  }, 90_000);
});
