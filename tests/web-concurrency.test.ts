import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/index.js';
import { type ChildServer, spawnServer } from './helpers/child-server.js';
import { createTestDb } from './helpers/db.js';
import { createStaff, TEST_PASSWORD } from './helpers/factories.js';
import { databaseUrl } from './helpers/pg-url.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One GET on a connection of its own (so the primary hands each to the next worker). */
function getOnce(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { connection: 'close' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

/** The pids that wrote request lines for `path` (the request log, one JSON line each). */
function servingPids(output: string, path: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { pid?: number; req?: { url?: string }; route?: string };
    if (entry.pid && (entry.req?.url === path || entry.route === path)) pids.add(entry.pid);
  }
  return pids;
}

/** Polls `ready` for up to 90 s; on failure says what it waited for, with the servers' output. */
async function waitFor(ready: () => boolean, what: string, server: ChildServer) {
  for (let i = 0; i < 900; i++) {
    if (ready()) return;
    await sleep(100);
  }
  throw new Error(`still waiting for ${what} after 90 s; output:\n${server.output().slice(-4000)}`);
}

const workerLines = (output: string) => [
  ...output.matchAll(/back-office on http:\/\/localhost:\d+ \(database: postgres, process (\d+)\)/g),
];

describe('WEB_CONCURRENCY', () => {
  it('above 1 is refused on the embedded database, with the reason', async () => {
    const server = spawnServer({ WEB_CONCURRENCY: '2', DATABASE_URL: '', DATA_DIR: '/nonexistent-never-opened' });
    const exit = await server.exit;
    expect(exit.code).toBe(2);
    expect(server.output()).toMatch(/WEB_CONCURRENCY.*above 1 needs DATABASE_URL/);
  });

  // Several processes share one database: PostgreSQL only.
  describe.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL', () => {
    let db: Db;
    let server: ChildServer | undefined;
    beforeAll(async () => {
      db = await createTestDb();
    });
    afterAll(async () => {
      server?.proc.kill('SIGKILL');
      await db?.close();
    });

    it('runs that many processes on one port, replaces one that dies, and stops them all on SIGTERM', async () => {
      const staff = await createStaff(db.knex, { role: 'coordinator' });
      const current = await db.knex.raw<{ rows: { name: string }[] }>('select current_database() as name');
      server = spawnServer({
        DATABASE_URL: databaseUrl(process.env.TEST_DATABASE_URL!, current.rows[0]!.name),
        SESSION_SECRET: 's'.repeat(40),
        WEB_CONCURRENCY: '2',
        LOG_LEVEL: 'info',
      });
      const base = await server.listening;
      await waitFor(() => workerLines(server!.output()).length >= 2, 'two workers listening', server);
      const workers = workerLines(server.output()).map((m) => Number(m[1]));
      expect(new Set(workers).size).toBe(2);
      expect(workers).not.toContain(server.proc.pid);

      // Both processes answer: each new connection goes to the next one.
      const statuses = await Promise.all(Array.from({ length: 12 }, () => getOnce(`${base}/api/health`)));
      expect(statuses.every((s) => s === 200)).toBe(true);
      await sleep(300);
      expect(servingPids(server.output(), '/api/health')).toEqual(new Set(workers));

      // A session opened through one process is good in the other (nothing kept in a process).
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ email: staff.email, password: TEST_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const seen = await Promise.all(
        Array.from({ length: 6 }, () => fetch(`${base}/api/auth/me`, { headers: { cookie, connection: 'close' } }).then((r) => r.status)),
      );
      expect(seen).toEqual([200, 200, 200, 200, 200, 200]);

      // A process that dies is replaced.
      process.kill(workers[0]!, 'SIGKILL');
      await waitFor(() => workerLines(server!.output()).length >= 3, 'a replacement worker listening', server);
      const replacement = Number(workerLines(server.output())[2]![1]);
      expect(workers).not.toContain(replacement);
      expect(await getOnce(`${base}/api/health`)).toBe(200);

      // SIGTERM to the first process stops every worker, and it ends cleanly.
      server.proc.kill('SIGTERM');
      const exit = await server.exit;
      expect(exit.code).toBe(0);
      for (const pid of [workers[1]!, replacement]) expect(() => process.kill(pid, 0)).toThrow();
    }, 300_000);
  });
});
