import { cpus } from 'node:os';
import {
  captureQueries,
  fmtInt,
  listen,
  loadAverage,
  log,
  loginAgent,
  serverProcesses,
  sideBySide,
  throughApi,
  throughDriver,
  type BenchContext,
  type BenchResult,
} from './lib.js';

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

/**
 * The request list at 10 and 50 concurrent coordinators (autocannon against the HTTP server),
 * each beside the same SQL run through the raw `pg` driver at the same concurrency.
 */
export async function benchLists(ctx: BenchContext): Promise<BenchResult> {
  const seconds = Math.max(3, Math.round(10 * ctx.scale));
  const api = await listen(ctx);
  // The server as production runs it on this machine: one process per core (WEB_CONCURRENCY).
  const processes = cpus().length;
  const several = await serverProcesses(ctx, processes);
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
      // Every statement the request sent — the session look-up, the page, the count — but the
      // session's once-a-minute expiry update, which most requests do not send.
      const statements = captured.filter((q) => !/^update\b/i.test(q.sql));
      for (const connections of CONCURRENCY) {
        log(`lists: ${scenario.name} at ${connections}…`);
        const path = `/api/support-requests?${new URLSearchParams(scenario.query)}`;
        const one = await throughApi(api, [path], connections, seconds);
        const many = await throughApi(several, [path], connections, seconds);
        const raw = await throughDriver(ctx.url, [statements], connections, seconds);
        // The goal is judged on the production set-up (a process per core); one process is shown beside it.
        const ok = many.p95 < GOAL_P95_MS && many.rps / raw.rps >= GOAL_RATIO && many.non2xx === 0 && many.errors === 0;
        if (!ok || one.non2xx || one.errors) met = false;
        rows.push(`${scenario.name}, 1 process ${sideBySide(connections, one, raw)}`);
        rows.push(`${scenario.name}, ${processes} processes ${sideBySide(connections, many, raw)}`);
      }
    }
  } finally {
    api.close();
    await several.close();
  }
  const result: BenchResult = {
    name: 'lists',
    what: `GET /api/support-requests as coordinators: first page, filtered, deep page, search; autocannon at 10 and 50 connections against one server process and against ${processes} (WEB_CONCURRENCY, one per core), beside the same SQL (session look-up, page, count) through \`pg\``,
    data: `${fmtInt(ctx.data.counts.support_requests!)} requests`,
    figures: rows.join('; '),
    goal: `p95 < ${GOAL_P95_MS} ms, ≥ ${GOAL_RATIO * 100}% of the driver, no 5xx`,
    met: met ? 'yes' : 'no',
    details: [...details, `${loadAverage()} at the end; autocannon runs in a child process, p95 from every response's latency`],
  };
  log(`lists: ${met ? 'met' : 'not met'}`);
  return result;
}
