import http, { type IncomingMessage } from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { knexForPglite, newPglite } from '../../server/db/index.js';
import { createStaff, TEST_PASSWORD } from './factories.js';
import type { Knex } from 'knex';

/** A real server process (`node --import tsx server/index.ts`), as `npm start` runs it. */
export type ChildServer = {
  proc: ChildProcess;
  /** Resolves with the base URL once it listens; rejects if it exits first. */
  listening: Promise<string>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
};

export function spawnServer(env: Record<string, string>): ChildServer {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: '0', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exit = once(proc, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  const listening = new Promise<string>((resolve, reject) => {
    const look = () => {
      const m = /back-office on http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    };
    proc.stdout!.on('data', look);
    void exit.then((e) => reject(new Error(`server exited (${e.code ?? e.signal}) before listening:\n${out}`)));
  });
  listening.catch(() => undefined);
  return { proc, listening, exit, output: () => out };
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  s.close();
  await once(s, 'close');
  return port;
}

/**
 * A DATA_DIR holding the run's migrated template (a fresh one takes 20 s to create), with one
 * coordinator who logs in with TEST_PASSWORD (admins would need their second factor), and whatever `fill` adds.
 */
export async function preparedDataDir(fill?: (knex: Knex) => Promise<void>): Promise<{ dataDir: string; email: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spot-child-'));
  const pglite = newPglite({ dataDir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  await pglite.waitReady;
  const knex = knexForPglite(pglite);
  const staff = await createStaff(knex, { role: 'coordinator' });
  await fill?.(knex);
  await knex.destroy();
  return { dataDir, email: staff.email };
}

/** Starts a CSV export download and stops reading it as soon as the response starts. */
export function stalledDownload(base: string, cookie: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/api/exports/support-requests.csv`, { headers: { cookie } }, (res) => {
        res.pause();
        res.socket.pause();
        resolve(res);
      })
      .on('error', reject);
  });
}

/** Logs in and returns the session cookie. */
export async function loginCookie(base: string, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
