import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import pg from 'pg';
import request from 'supertest';
import type { Db } from '../../server/db/index.js';
import { statementName } from '../../server/db/prepared.js';
import type { Role } from '../../server/domain/enums.js';
import { createStaff, TEST_PASSWORD } from '../helpers/factories.js';
import type { DataSummary } from './data.js';
import type { LoadOptions, LoadResult } from './load-client.js';

/** What every benchmark gets: the migrated, filled database, the app on it, a raw client for EXPLAIN. */
export type BenchContext = {
  db: Db;
  app: Express;
  url: string;
  pg: pg.Client;
  scale: number;
  data: DataSummary;
};

/** One row of the results table, plus lines of detail printed under it. */
export type BenchResult = {
  name: string;
  what: string;
  data: string;
  figures: string;
  goal: string;
  met: 'yes' | 'no' | 'n/a';
  details: string[];
};

export const log = (...args: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const fmtMs = (v: number | null) => (v == null || Number.isNaN(v) ? 'n/a' : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
export const fmtInt = (v: number) => Math.round(v).toLocaleString('en-US');
export const fmtMb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

export function summary(samples: number[]): string {
  return `p50 ${fmtMs(percentile(samples, 50))}, p95 ${fmtMs(percentile(samples, 95))}, max ${fmtMs(Math.max(...samples))} (n=${samples.length})`;
}

/** A supertest agent signed in as a new staff member of that role, as the tests do. */
export async function loginAgent(ctx: BenchContext, role: Role) {
  const staff = await createStaff(ctx.db.knex, { role });
  const agent = request.agent(ctx.app);
  const res = await agent.post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { agent, staff };
}

/** name: the prepared statement's, when the app names it (PREPARE; the driver then names it too). */
export type CapturedQuery = { sql: string; bindings: unknown[]; name?: string };

/** The SQL statements Knex sends while fn runs (session look-ups included; filter them yourself). */
export async function captureQueries(ctx: BenchContext, fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const seen: CapturedQuery[] = [];
  const listener = (q: { sql: string; bindings?: unknown[]; options?: { prepare?: boolean } }) =>
    seen.push({ sql: q.sql, bindings: q.bindings ?? [], ...(q.options?.prepare ? { name: statementName(q.sql) } : {}) });
  ctx.db.knex.on('query', listener);
  try {
    await fn();
  } finally {
    ctx.db.knex.removeListener('query', listener);
  }
  return seen;
}

/** EXPLAIN (or EXPLAIN ANALYZE) of a captured statement, as text lines. */
export async function explain(ctx: BenchContext, q: CapturedQuery, analyze = false): Promise<string[]> {
  const prefix = analyze ? 'explain (analyze, buffers)' : 'explain';
  const { rows } = await ctx.pg.query(`${prefix} ${q.sql}`, q.bindings as unknown[]);
  return rows.map((r: Record<string, string>) => r['QUERY PLAN']!);
}

export const executionMs = (plan: string[]) => Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? NaN);

/** The machine's load average (1, 5, 15 minutes): the figures mean little when it is far above the core count. */
export const loadAverage = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} on ${cpus().length} cores`;

/** Signs `email` in (password TEST_PASSWORD) at `base` over HTTP; the cookie header to send back. */
export async function loginCookie(base: string, email: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The app listening on a free local port, with a signed-in staff member's cookie for it. */
export async function listen(ctx: BenchContext, role: Role = 'coordinator') {
  const server = ctx.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const staff = await createStaff(ctx.db.knex, { role });
  const cookie = await loginCookie(base, staff.email);
  const close = () => {
    server.closeAllConnections();
    server.close();
  };
  return { base, cookie, close };
}

/**
 * The real server (`server/index.ts`, as `npm start` runs it) with WEB_CONCURRENCY=`processes`
 * on the benchmark's database, and a signed-in staff member's cookie for it. Closing sends
 * SIGTERM and waits for every process to end.
 */
export async function serverProcesses(ctx: BenchContext, processes: number, role: Role = 'coordinator') {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const port = (probe.address() as AddressInfo).port;
  probe.close();
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: ctx.url,
      SESSION_SECRET: 'bench-secret-'.padEnd(48, 'x'),
      WEB_CONCURRENCY: String(processes),
      PORT: String(port),
      LOG_LEVEL: 'error',
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(proc, 'exit');
  let out = '';
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if ((out.match(/back-office on http/g) ?? []).length >= processes) resolve();
    });
    void exited.then(() => reject(new Error(`the server ended before listening:\n${out}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const staff = await createStaff(ctx.db.knex, { role });
  const cookie = await loginCookie(base, staff.email);
  const close = async () => {
    proc.kill('SIGTERM');
    await exited;
  };
  return { base, cookie, close };
}

export type LoadRun = LoadResult;

/**
 * autocannon against the API in a child process (tests/bench/load-client.ts), so the load
 * generator never shares the server's event loop: `connections` users at once for `seconds`,
 * each request taking the next of `paths`. Latencies are every response's, p95 exact.
 */
export async function throughApi(
  api: { base: string; cookie: string },
  paths: string[],
  connections: number,
  seconds: number,
): Promise<LoadRun> {
  const options: LoadOptions = { base: api.base, paths, cookie: api.cookie, connections, seconds };
  const child = fork(fileURLToPath(new URL('./load-client.ts', import.meta.url)), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let result: LoadRun | undefined;
  child.on('message', (m) => {
    result = m as LoadRun;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (!result) throw new Error(`load client exited with ${code} and no result`);
  return result;
}

/**
 * The same statements the API sends, straight through the raw `pg` driver: `connections`
 * loops at once on a pool of the API's size (10), each round running one item's statements in
 * order, items taken in turn. Runs in this process, which has nothing else to do meanwhile.
 */
export async function throughDriver(
  dbUrl: string,
  items: CapturedQuery[][],
  connections: number,
  seconds: number,
  poolSize = 10,
): Promise<{ rps: number; p50: number; p95: number; max: number; requests: number }> {
  // JIT off, as the app's pool sets it (server/db/index.ts): otherwise large estimates compile.
  const pool = new pg.Pool({ connectionString: dbUrl, max: poolSize, options: '-c jit=off' });
  const toPg = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  const prepared = items.map((statements) =>
    statements.map((s) => ({ text: toPg(s.sql), values: s.bindings as unknown[], ...(s.name ? { name: s.name } : {}) })),
  );
  const samples: number[] = [];
  let next = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const item = prepared[next++ % prepared.length]!;
      const t0 = performance.now();
      for (const q of item) await pool.query(q);
      samples.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await pool.end();
  return {
    rps: samples.length / seconds,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
    requests: samples.length,
  };
}

/** One concurrency's API and driver figures side by side, for the results table. */
export function sideBySide(connections: number, api: LoadRun, raw: Awaited<ReturnType<typeof throughDriver>>): string {
  const ratio = api.rps / raw.rps;
  const bad = api.non2xx + api.errors + api.timeouts;
  // No answer at all within the run (every request still waiting) leaves no latency to show.
  if (!api.requests) return `@${connections}: API no answer in the run (${api.errors} errors, ${api.timeouts} timeouts)`;
  return (
    `@${connections}: API ${fmtInt(api.rps)}/s p50 ${fmtMs(api.p50)} p95 ${fmtMs(api.p95)}${bad ? ` (${api.non2xx} non-2xx, ${api.errors} errors)` : ''}; ` +
    `pg ${fmtInt(raw.rps)}/s p50 ${fmtMs(raw.p50)} p95 ${fmtMs(raw.p95)}; ratio ${(ratio * 100).toFixed(0)}%`
  );
}
