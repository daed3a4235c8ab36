import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../server/db/data-dir-lock.js';
import { knexForPglite, newPglite } from '../server/db/index.js';
import { loginCookie, preparedDataDir, spawnServer, type ChildServer } from './helpers/child-server.js';

/**
 * Real server processes on one embedded-database folder: a second one must refuse to start
 * (two used to run side by side, hand out the same ids and lose each other's writes), and a
 * process killed outright must lose nothing it acknowledged nor keep the folder locked.
 */
const children: ChildServer[] = [];
const dirs: string[] = [];
const run = (env: Record<string, string>) => {
  const child = spawnServer(env);
  children.push(child);
  return child;
};
afterAll(() => {
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function prepared() {
  const prep = await preparedDataDir();
  dirs.push(prep.dataDir);
  return prep;
}

const LOCKED = /データフォルダ .* は別のサーバープロセス \(PID \d+.*使用中[\s\S]*in use by another server process/;

describe.skipIf(!!process.env.TEST_DATABASE_URL)('server processes on one PGlite DATA_DIR', () => {
  it('refuses a second process with a clear message and a non-zero exit, and releases the folder on a clean stop', async () => {
    const { dataDir, email } = await prepared();
    const first = run({ DATA_DIR: dataDir });
    const base = await first.listening;
    const second = run({ DATA_DIR: dataDir });
    expect(await Promise.race([second.exit.then(() => 'exited'), second.listening.then(() => 'listening')])).toBe('exited');
    expect(second.proc.exitCode).toBe(3);
    expect(second.output()).toMatch(LOCKED);
    expect(second.output()).not.toMatch(/back-office on/);
    // The first one never noticed.
    const cookie = await loginCookie(base, email);
    expect((await fetch(`${base}/api/partners`, { headers: { cookie } })).status).toBe(200);
    first.proc.kill('SIGTERM');
    expect((await first.exit).code).toBe(0);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 90_000);

  it('lets exactly one of two processes started at the same moment run', async () => {
    const { dataDir } = await prepared();
    const pair = [run({ DATA_DIR: dataDir }), run({ DATA_DIR: dataDir })];
    const outcomes = await Promise.all(
      pair.map((c) =>
        c.listening.then(
          () => 'listening',
          () => 'exited',
        ),
      ),
    );
    expect(outcomes.sort()).toEqual(['exited', 'listening']);
    const loser = pair.find((c) => c.proc.exitCode !== null)!;
    expect(loser.proc.exitCode).toBe(3);
    expect(loser.output()).toMatch(LOCKED);
    const winner = pair.find((c) => c !== loser)!;
    winner.proc.kill('SIGTERM');
    const e = await winner.exit;
    expect(e.code, `${JSON.stringify(e)} ${winner.output()}`).toBe(0);
  }, 90_000);

  it('loses no acknowledged write to kill -9, and the lock it leaves does not block the restart', async () => {
    const { dataDir, email } = await prepared();
    const first = run({ DATA_DIR: dataDir });
    const base = await first.listening;
    const cookie = await loginCookie(base, email);
    const acknowledged: { id: number; name: string }[] = [];
    let sent = 0;
    let stop = false;
    // Four writers creating partners as fast as the server acknowledges them.
    const writer = async (w: number) => {
      while (!stop) {
        const name = `耐障害テスト ${w}-${sent++}`;
        try {
          const res = await fetch(`${base}/api/partners`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ name }),
          });
          if (res.status === 201) acknowledged.push({ id: ((await res.json()) as { id: number }).id, name });
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    first.proc.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect((await first.exit).signal).toBe('SIGKILL');
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);

    const second = run({ DATA_DIR: dataDir });
    const base2 = await second.listening;
    const cookie2 = await loginCookie(base2, email);
    const res = await fetch(`${base2}/api/partners?range=[0,499]&sort=["id","ASC"]`, { headers: { cookie: cookie2 } });
    const rows = (await res.json()) as { id: number; name: string }[];
    const stored = new Map(rows.map((r) => [r.id, r.name]));
    for (const a of acknowledged) expect(stored.get(a.id), `partner ${a.id}`).toBe(a.name);
    // New ids follow the old ones.
    const created = await fetch(`${base2}/api/partners`, {
      method: 'POST',
      headers: { cookie: cookie2, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '再起動後' }),
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { id: number }).id).toBeGreaterThan(Math.max(...rows.map((r) => r.id)));
    second.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
    // Every partner acknowledged has exactly one audit entry (read from the folder itself: the
    // audit log is for admins, who sign in with a second factor).
    const knex = knexForPglite(newPglite({ dataDir }));
    try {
      const audited = (await knex('audit_log').where({ resource: 'partners', action: 'create' }).pluck('record_id')).map((id: unknown) =>
        Number(id),
      );
      for (const a of acknowledged)
        expect(
          audited.filter((id) => id === a.id),
          `audit of partner ${a.id}`,
        ).toHaveLength(1);
    } finally {
      await knex.destroy();
    }
  }, 120_000);
});
