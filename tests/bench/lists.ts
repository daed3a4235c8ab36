import { once } from 'node:events';
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { createStaff, TEST_PASSWORD } from '../helpers/factories.js';
import { captureQueries, fmtInt, fmtMs, log, loginAgent, percentile, type BenchContext, type BenchResult } from './lib.js';

const GOAL_P95_MS = 150;
const GOAL_RATIO = 0.5;
const CONCURRENCY = [10, 50];

type Scenario = { name: string; query: Record<string, string> };

const range = (from: number, size = 25) => JSON.stringify([from, from + size - 1]);

/** The request list as coordinators use it: the default screen, a filter, a deep page, a search. */
const SCENARIOS: Scenario[] = [
  { name: 'first page, newest first', query: { sort: '["received_at","DESC"]', range: range(0) } },
  { name: 'filtered: status matching', query: { sort: '["received_at","DESC"]', range: range(0), filter: '{"status":"matching"}' } },
  { name: 'deep page: rows 9,976–10,000', query: { sort: '["received_at","DESC"]', range: range(9975) } },
  { name: 'search: a resident’s name', query: { sort: '["received_at","DESC"]', range: range(0), filter: '{"q":"グエン"}' } },
];

type Run = { rps: number; p50: number; p95: number; non2xx: number; errors: number };

async function throughApi(url: string, cookie: string, scenario: Scenario, connections: number, seconds: number): Promise<Run> {
  const result = await autocannon({
    url: `${url}/api/support-requests?${new URLSearchParams(scenario.query)}`,
    connections,
    duration: seconds,
    headers: { cookie },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p95: result.latency.p97_5,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** The same statements the API sent for one request, in a loop per connection on a pool of the API's size. */
async function throughDriver(url: string, statements: { sql: string; bindings: unknown[] }[], connections: number, seconds: number) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const toPg = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  const prepared = statements.map((s) => ({ text: toPg(s.sql), values: s.bindings }));
  const samples: number[] = [];
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      for (const q of prepared) await pool.query(q.text, q.values as unknown[]);
      samples.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await pool.end();
  return { rps: samples.length / seconds, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/**
 * The request list at 10 and 50 concurrent coordinators (autocannon against the HTTP server),
 * each beside the same SQL run through the raw `pg` driver at the same concurrency.
 */
export async function benchLists(ctx: BenchContext): Promise<BenchResult> {
  const seconds = Math.max(3, Math.round(10 * ctx.scale));
  const server = ctx.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const staff = await createStaff(ctx.db.knex, { role: 'coordinator' });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: staff.email, password: TEST_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { agent } = await loginAgent(ctx, 'coordinator');
  const details: string[] = [];
  const rows: string[] = [];
  let met = true;
  try {
    for (const scenario of SCENARIOS) {
      const captured = await captureQueries(ctx, async () => {
        const res = await agent.get('/api/support-requests').query(scenario.query);
        if (res.status !== 200) throw new Error(`${scenario.name}: ${res.status} ${JSON.stringify(res.body)}`);
        details.push(
          `${scenario.name}: total ${res.headers['content-range']?.split('/')[1]}${res.headers['x-total-approximate'] ? ' (estimate)' : ''}`,
        );
      });
      const statements = captured.filter((q) => /support_requests/.test(q.sql));
      for (const connections of CONCURRENCY) {
        log(`lists: ${scenario.name} at ${connections}…`);
        const api = await throughApi(url, cookie, scenario, connections, seconds);
        const raw = await throughDriver(ctx.url, statements, connections, seconds);
        const ratio = api.rps / raw.rps;
        const ok = api.p95 < GOAL_P95_MS && ratio >= GOAL_RATIO && api.non2xx === 0 && api.errors === 0;
        if (!ok) met = false;
        rows.push(
          `${scenario.name} @${connections}: API ${fmtInt(api.rps)}/s p50 ${fmtMs(api.p50)} p97.5 ${fmtMs(api.p95)}, ` +
            `${api.non2xx} non-2xx; driver ${fmtInt(raw.rps)}/s p50 ${fmtMs(raw.p50)} p95 ${fmtMs(raw.p95)}; ratio ${(ratio * 100).toFixed(0)}%`,
        );
      }
    }
  } finally {
    server.close();
  }
  const result: BenchResult = {
    name: 'lists',
    what: 'GET /api/support-requests as coordinators: first page, filtered, deep page, search; autocannon at 10 and 50 connections beside the same SQL through `pg`',
    data: `${fmtInt(ctx.data.counts.support_requests!)} requests`,
    figures: rows.join('; '),
    goal: `p95 < ${GOAL_P95_MS} ms, ≥ ${GOAL_RATIO * 100}% of the driver, no 5xx`,
    met: met ? 'yes' : 'no',
    details: [
      ...details,
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}`,
    ],
  };
  log(`lists: ${met ? 'met' : 'not met'}`);
  return result;
}
