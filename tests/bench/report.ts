import { tokyoDate } from '../../server/domain/time.js';
import {
  captureQueries,
  executionMs,
  explain,
  fmtInt,
  fmtMs,
  listen,
  loadAverage,
  log,
  loginAgent,
  percentile,
  sideBySide,
  summary,
  throughApi,
  throughDriver,
  timed,
  type BenchContext,
  type BenchResult,
  type CapturedQuery,
} from './lib.js';

const GOAL_P95_MS = 500;
/** The goal holds at 5 secretariat users at once; 10 and 50 show how it degrades. */
const CONCURRENCY = [5, 10, 50];
const GOAL_CONCURRENCY = 5;

/** The 20 complete months before this one (Japan time), newest first. */
function recentMonths(count: number): string[] {
  const [y, m] = tokyoDate(new Date()).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const k = y * 12 + (m - 1) - (i + 1);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** Which function of server/reports/figures.ts a statement comes from. */
function pieceOf(sql: string): string {
  const dim = /coalesce\(([\w.]+), 'unknown'\)/.exec(sql);
  if (dim) return `breakdowns(${dim[1]})`;
  if (sql.includes('as new_residents')) return 'outcomes';
  if (sql.includes('percentile_cont')) return 'daysToConfirmation';
  if (sql.includes('as volunteers_active')) return 'activities';
  if (sql.includes('as new_volunteers')) return 'peopleAndChecks';
  if (sql.includes('from expenses group by kind')) return 'money';
  if (sql.includes('from report_month_counts')) return 'monthCounts';
  if (sql.includes('count(distinct client_id) as residents')) return 'residents';
  return 'other';
}

/** GET /api/reports/monthly?month=… (this month and the previous one, every figure by SQL). */
export async function benchReport(ctx: BenchContext): Promise<BenchResult> {
  const { agent } = await loginAgent(ctx, 'coordinator');
  const months = recentMonths(22);
  const get = (month: string) => agent.get('/api/reports/monthly').query({ month });
  for (const month of months.slice(20)) await get(month); // warm-up on months not measured
  const samples: number[] = [];
  const byMonth: { month: string; ms: number }[] = [];
  for (const month of months.slice(0, 20)) {
    const [ms, res] = await timed(() => get(month));
    if (res.status !== 200) throw new Error(`report ${month}: ${res.status} ${JSON.stringify(res.body)}`);
    samples.push(ms);
    byMonth.push({ month, ms });
  }
  const p95 = percentile(samples, 95);
  // The 20 months again, by 5, 10 and 50 secretariat users at once, beside the same SQL through the driver.
  const statements: CapturedQuery[][] = [];
  for (const month of months.slice(0, 20))
    statements.push((await captureQueries(ctx, () => get(month))).filter((q) => !q.sql.includes('"sessions"')));
  const seconds = Math.max(5, Math.round(15 * ctx.scale));
  const api = await listen(ctx, 'secretariat');
  const concurrent: string[] = [];
  let metConcurrent = true;
  try {
    for (const connections of CONCURRENCY) {
      log(`report: ${connections} at once…`);
      const run = await throughApi(
        api,
        months.slice(0, 20).map((month) => `/api/reports/monthly?month=${month}`),
        connections,
        seconds,
      );
      const raw = await throughDriver(ctx.url, statements, connections, seconds);
      concurrent.push(sideBySide(connections, run, raw));
      if (connections === GOAL_CONCURRENCY && (run.p95 >= GOAL_P95_MS || run.non2xx + run.errors > 0)) metConcurrent = false;
    }
  } finally {
    api.close();
  }
  const met = p95 < GOAL_P95_MS && metConcurrent;
  // EXPLAIN ANALYZE of every statement of the slowest month's report, summed per piece of figures.ts.
  const slowest = byMonth.reduce((a, b) => (b.ms > a.ms ? b : a));
  const queries = (await captureQueries(ctx, () => get(slowest.month))).filter((q) => pieceOf(q.sql) !== 'other');
  const pieces = new Map<string, { ms: number; n: number; plans: string[][] }>();
  for (const q of queries) {
    const plan = await explain(ctx, q, true);
    const piece = pieces.get(pieceOf(q.sql)) ?? { ms: 0, n: 0, plans: [] };
    piece.ms += executionMs(plan);
    piece.n += 1;
    piece.plans.push(plan);
    pieces.set(pieceOf(q.sql), piece);
  }
  const ranked = [...pieces.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const total = ranked.reduce((s, [, p]) => s + p.ms, 0);
  const details = [
    `${loadAverage()} at the end; autocannon in a child process over the 20 months in turn for ${seconds} s per concurrency; pg = the same ${statements[0]!.length} statements one after the other (the API runs the two periods side by side), pool of 10 as the API's`,
    `received per month ≈ ${fmtInt(ctx.data.counts.support_requests! / 36)}; slowest month ${slowest.month}: ${fmtMs(slowest.ms)} over HTTP, ${
      queries.length
        ? `${fmtMs(total)} in SQL (EXPLAIN ANALYZE, both periods):`
        : 'read from the stored monthly figures (no statement of figures.ts ran, so no SQL time to show)'
    }`,
    ...ranked.map(([name, p]) => `  ${name}: ${fmtMs(p.ms)} (${p.n} statement${p.n > 1 ? 's' : ''})`),
  ];
  if (!met) {
    for (const [name, p] of ranked.slice(0, 3)) details.push(`plan of ${name} (current period):`, '```', ...p.plans[0]!, '```');
  }
  const result: BenchResult = {
    name: 'report',
    what: 'GET /api/reports/monthly?month=… (month + previous month), 20 months: one at a time (coordinator), then 5, 10 and 50 secretariat users at once',
    data: `${fmtInt(ctx.data.counts.support_requests!)} requests over 3 years, ${fmtInt(ctx.data.counts.request_events!)} events, ${fmtInt(ctx.data.counts.activity_reports!)} activity reports, ${fmtInt(ctx.data.counts.expenses!)} expenses`,
    figures: `one at a time: ${summary(samples)}; ${concurrent.join('; ')}`,
    goal: `p95 < ${GOAL_P95_MS} ms at ${GOAL_CONCURRENCY} at once`,
    met: met ? 'yes' : 'no',
    details,
  };
  log(`report: ${result.figures}`);
  return result;
}
