import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { knexForPglite, newPglite } from '../server/db/index.js';
import { migrationSource } from '../migrations/index.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seeds/demo.js';
import { freePort, loginCookie, spawnServer, type ChildServer } from './helpers/child-server.js';

/**
 * The very first start on an empty DATA_DIR creates the database (tens of seconds on a busy
 * machine), migrates and loads demo data on PGlite's single connection. Requests fired at it
 * from the first moment must neither starve that work into a Knex acquire timeout nor see a
 * half-migrated database: the port opens only when everything is done.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'spot-first-'));
let child: ChildServer | undefined;
afterAll(() => {
  if (child && child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('the first start of the embedded database', () => {
  it('finishes migrations and demo data under a stream of requests, which get answers only once it is ready', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = spawnServer({ DATA_DIR: path.join(dataDir, 'data'), PORT: String(port), SEED_DEMO: 'true' });
    const answers: number[] = [];
    let listening = false;
    void child.listening.then(
      () => (listening = true),
      () => undefined,
    );
    // Three clients knocking every 50 ms from the moment the process starts.
    const knock = async () => {
      while (!listening && child!.proc.exitCode === null) {
        try {
          answers.push((await fetch(`${base}/api/health`)).status);
        } catch {
          // Not listening yet.
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await Promise.all([knock(), knock(), knock(), child.listening]);
    // Load right after the port opens: logins, lists, health.
    const account = DEMO_ACCOUNTS.find((a) => a.role === 'coordinator')!;
    const cookie = await loginCookie(base, account.email, DEMO_PASSWORD);
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${base}${i % 2 ? '/api/health' : '/api/clients?range=[0,9]'}`, { headers: { cookie } }).then((r) => r.status),
      ),
    );
    expect(burst.every((s) => s === 200)).toBe(true);
    expect(answers.every((s) => s === 200)).toBe(true);
    expect(child.output()).not.toMatch(/KnexTimeoutError|Acquire connection error|timed out/i);
    child.proc.kill('SIGTERM');
    expect(await child.exit).toEqual({ code: 0, signal: null });

    // Every migration was applied, once.
    const pglite = newPglite({ dataDir: path.join(dataDir, 'data') });
    await pglite.waitReady;
    const knex = knexForPglite(pglite);
    try {
      const applied = (await knex('knex_migrations').select('name')).map((r: { name: string }) => r.name);
      const all = (await migrationSource.getMigrations([])) as string[];
      expect(applied.sort()).toEqual([...all].sort());
    } finally {
      await knex.destroy();
    }
  }, 120_000);
});
