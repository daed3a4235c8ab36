/**
 * `npm run bench -- pglite`: the embedded database at growing sizes. For each size a new PGlite
 * data folder (on disk, as `npm start` keeps it) is migrated and filled by the same generator as
 * the PostgreSQL benchmarks, then the app on it answers the request list (first page, a status
 * filter, a name search) one at a time and at 5 concurrent staff, the monthly report, and the
 * whole export. The load runs in a worker thread, so the server's event loop (which on PGlite also
 * runs the database) is measured, not the client's parsing.
 *
 *   BENCH_PGLITE_SIZES  requests per step, comma-separated (default 10000,30000,100000)
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildApp } from '../../server/app.js';
import { openDb } from '../../server/db/index.js';
import { migrateLatest } from '../../server/db/migrate.js';
import { tokyoDate } from '../../server/domain/time.js';
import { createLogger } from '../../server/log.js';
import { seedReference } from '../../seeds/reference.js';
import { createStaff } from '../helpers/factories.js';
import { generateData } from './data.js';
import { fmtInt, fmtMs, log, loginCookie, percentile, type BenchResult } from './lib.js';

/** What a coordinator still calls usable: a list or search within a second at 5 staff at once. */
const USABLE_P95_MS = 1000;
/** The monthly report, opened once or twice a month by the secretariat. */
const USABLE_REPORT_MS = 3000;
const CONCURRENT = 5;
const SECONDS = 8;

type Load = { n: number; p50: number; p95: number; failed: number };

/**
 * `connections` loops in a worker thread, each fetching the URLs in turn for `seconds`; the
 * latency of every answer, and how many were not 200.
 */
async function load(urls: string[], cookie: string, connections: number, seconds: number): Promise<Load> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { urls, cookie, connections, seconds } = workerData;
    const samples = []; let failed = 0; let i = 0;
    const end = performance.now() + seconds * 1000;
    const loop = async () => {
      while (performance.now() < end) {
        const url = urls[i++ % urls.length];
        const t0 = performance.now();
        const res = await fetch(url, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) failed++;
        samples.push(performance.now() - t0);
      }
    };
    Promise.all(Array.from({ length: connections }, loop)).then(() => parentPort.postMessage({ samples, failed }));
  `;
  const worker = new Worker(code, { eval: true, workerData: { urls, cookie, connections, seconds } });
  const [{ samples, failed }] = (await once(worker, 'message')) as [{ samples: number[]; failed: number }];
  await worker.terminate();
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), failed };
}

const months = (count: number) => {
  const [y, m] = tokyoDate(new Date()).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const k = y * 12 + (m - 1) - (i + 1);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
};

type Step = { requests: number; lines: string[]; usable: boolean; generateSeconds: number };

async function measure(requests: number): Promise<Step> {
  const dir = mkdtempSync(path.join(tmpdir(), 'spot-bench-pglite-'));
  const db = openDb({ dataDir: dir, logger: createLogger({ level: 'error' }) });
  const app = buildApp(db, { sessionSecret: 'bench-secret-'.padEnd(48, 'x'), logger: createLogger({ level: 'error' }) });
  let server: ReturnType<typeof app.listen> | undefined;
  try {
    await db.ready;
    await migrateLatest(db.knex);
    await seedReference(db.knex);
    const data = await generateData(db.knex, { scale: requests / 1_000_000, requests: true, history: true });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const staff = await createStaff(db.knex, { role: 'coordinator' });
    const cookie = await loginCookie(base, staff.email);
    const list = (query: Record<string, string>) =>
      `${base}/api/support-requests?${new URLSearchParams({ sort: '["received_at","DESC"]', range: '[0,24]', ...query })}`;
    const scenarios: [string, string[]][] = [
      ['request list, first page', [list({})]],
      ['request list, status filter', [list({ filter: '{"status":"matching"}' })]],
      [
        'request list, name search',
        [list({ filter: '{"q":"グエン"}' }), list({ filter: '{"q":"ちゃん"}' }), list({ filter: '{"q":"Tran"}' })],
      ],
    ];
    const lines: string[] = [];
    let usable = true;
    for (const [name, urls] of scenarios) {
      const one = await load(urls, cookie, 1, SECONDS / 2);
      const many = await load(urls, cookie, CONCURRENT, SECONDS);
      if (one.failed || many.failed || many.p95 > USABLE_P95_MS) usable = false;
      lines.push(
        `${name}: alone p50 ${fmtMs(one.p50)} p95 ${fmtMs(one.p95)}; ${CONCURRENT} at once p50 ${fmtMs(many.p50)} p95 ${fmtMs(many.p95)} ` +
          `(${fmtInt(many.n / SECONDS)}/s${many.failed ? `, ${many.failed} not 200` : ''})`,
      );
    }
    const report = await load(
      months(6).map((m) => `${base}/api/reports/monthly?month=${m}`),
      cookie,
      1,
      SECONDS,
    );
    if (report.failed || report.p95 > USABLE_REPORT_MS) usable = false;
    lines.push(`monthly report (one user): p50 ${fmtMs(report.p50)} p95 ${fmtMs(report.p95)} (n=${report.n})`);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/exports/support-requests.csv`, { headers: { cookie } });
    const text = await res.text();
    const exportMs = performance.now() - t0;
    const rows = text.split('\r\n').length - 2;
    lines.push(
      `export of every request: ${fmtInt(rows)} rows in ${(exportMs / 1000).toFixed(1)} s (${fmtInt(rows / (exportMs / 1000))} rows/s)`,
    );
    return { requests: data.counts.support_requests!, lines, usable, generateSeconds: data.seconds };
  } finally {
    server?.closeAllConnections();
    server?.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each size in turn, smallest first; stops at the first size that is no longer usable. */
export async function benchPglite(): Promise<BenchResult> {
  const sizes = (process.env.BENCH_PGLITE_SIZES ?? '10000,30000,100000').split(',').map(Number);
  const steps: Step[] = [];
  for (const requests of sizes) {
    log(`pglite: ${fmtInt(requests)} requests…`);
    const step = await measure(requests);
    steps.push(step);
    log(`pglite: ${fmtInt(step.requests)} requests ${step.usable ? 'usable' : 'NOT usable'}\n  ${step.lines.join('\n  ')}`);
  }
  const lastUsable = [...steps].reverse().find((s) => s.usable);
  const firstUnusable = steps.find((s) => !s.usable);
  return {
    name: 'pglite',
    what: `the embedded database (PGlite on disk): request list, search, monthly report and export at ${sizes.map(fmtInt).join(' / ')} requests`,
    data: steps.map((s) => `${fmtInt(s.requests)} requests (generated in ${s.generateSeconds.toFixed(0)} s)`).join('; '),
    figures: steps.map((s) => `${fmtInt(s.requests)}: ${s.lines.join('; ')}`).join(' — '),
    goal: `usable: lists and search p95 ≤ ${USABLE_P95_MS} ms at ${CONCURRENT} staff at once, report p95 ≤ ${USABLE_REPORT_MS} ms; past that, move to PostgreSQL`,
    met: 'n/a',
    details: [
      lastUsable ? `usable up to ${fmtInt(lastUsable.requests)} requests` : 'not usable at the smallest size',
      firstUnusable ? `not usable at ${fmtInt(firstUnusable.requests)} requests` : 'usable at every size measured',
      `${cpus().length} cores; load average at the end ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}`,
    ],
  };
}
