import { once } from 'node:events';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.js';
import { LOCK_FILE } from '../server/db/data-dir-lock.js';
import { loginCookie, preparedDataDir, spawnServer, stalledDownload, type ChildServer } from './helpers/child-server.js';
import { createClient, bulkLoad } from './helpers/factories.js';

/**
 * SIGTERM (a deploy, systemd, docker stop) lets a running export finish for up to
 * SHUTDOWN_GRACE_SECONDS while every new request is told the server is stopping; it used to cut
 * everything off after 10 s.
 */
const ROWS = 20_000;
const children: ChildServer[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function serverWithRows(grace: number) {
  const { dataDir, email } = await preparedDataDir(async (knex) => {
    const client = await createClient(knex);
    await bulkLoad(knex, () =>
      knex.raw(
        `insert into support_requests (request_no, client_id, channel, category, task_type, mode, language, municipality_code, description, status)
         select 'R-SIG-' || g, ?, 'phone', 'medical', 'hospital', 'in_person', 'en', '131105', repeat('通院の付き添い。', 40), 'received'
         from generate_series(1, ${ROWS}) g`,
        [client.id],
      ),
    );
  });
  dirs.push(dataDir);
  const child = spawnServer({ DATA_DIR: dataDir, SHUTDOWN_GRACE_SECONDS: String(grace) });
  children.push(child);
  const base = await child.listening;
  return { child, base, dataDir, cookie: await loginCookie(base, email) };
}

async function readAll(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.socket.resume();
  res.resume();
  await once(res, 'end');
  return Buffer.concat(chunks).toString('utf8');
}

/** What a new request gets, polling until the server has taken the signal in. */
async function answerWhileStopping(base: string) {
  let last = 'no answer';
  for (let i = 0; i < 50; i++) {
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 503) return { status: res.status, body: await res.json() };
      last = `status ${res.status}`;
    } catch (err) {
      last = String((err as Error).cause ?? err);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { status: last };
}

const spoolFiles = (dataDir: string) => (existsSync(path.join(dataDir, 'tmp')) ? readdirSync(path.join(dataDir, 'tmp')) : []);

describe.skipIf(!!process.env.TEST_DATABASE_URL)('stopping the server', () => {
  it('lets a running export finish, answers new requests 503 meanwhile, then exits 0 and releases DATA_DIR', async () => {
    const { child, base, dataDir, cookie } = await serverWithRows(30);
    const download = await stalledDownload(base, cookie);
    expect(download.statusCode).toBe(200);
    child.proc.kill('SIGTERM');
    expect(await answerWhileStopping(base)).toEqual({
      status: 503,
      body: {
        error: 'unavailable',
        message_code: 'shutting_down',
        message: 'サーバーを停止しています。しばらくしてからもう一度お試しください。',
      },
    });
    expect(child.proc.exitCode).toBeNull();
    const csv = await readAll(download);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(ROWS + 1);
    expect(await child.exit).toEqual({ code: 0, signal: null });
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect(spoolFiles(dataDir)).toEqual([]);
  }, 90_000);

  it('cuts off what is still running after SHUTDOWN_GRACE_SECONDS, exits non-zero and leaves no export file', async () => {
    const { child, base, dataDir, cookie } = await serverWithRows(1);
    const download = await stalledDownload(base, cookie);
    download.on('error', () => undefined);
    child.proc.kill('SIGTERM');
    expect((await child.exit).code).toBe(1);
    expect(child.output()).toMatch(/SHUTDOWN_GRACE_SECONDS/);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect(spoolFiles(dataDir)).toEqual([]);
  }, 90_000);

  it('reads SHUTDOWN_GRACE_SECONDS, 60 by default', () => {
    expect(loadConfig({}).shutdownGraceSeconds).toBe(60);
    expect(loadConfig({ SHUTDOWN_GRACE_SECONDS: '5' }).shutdownGraceSeconds).toBe(5);
    expect(() => loadConfig({ SHUTDOWN_GRACE_SECONDS: 'soon' })).toThrow(ConfigError);
    expect(() => loadConfig({ SHUTDOWN_GRACE_SECONDS: '-1' })).toThrow(/SHUTDOWN_GRACE_SECONDS/);
  });
});
