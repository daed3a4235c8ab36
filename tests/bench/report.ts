import { tokyoDate } from '../../server/domain/time.js';
import {
  captureQueries,
  executionMs,
  explain,
  fmtInt,
  fmtMs,
  log,
  loginAgent,
  percentile,
  summary,
  timed,
  type BenchContext,
  type BenchResult,
} from './lib.js';

const GOAL_P95_MS = 500;

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
  if (sql.includes('from activity_reports ar join assignments')) return 'activities';
  if (sql.includes('as new_volunteers')) return 'peopleAndChecks';
  if (sql.includes('from expenses group by kind')) return 'money';
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
  const met = p95 < GOAL_P95_MS;
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
    `received per month ≈ ${fmtInt(ctx.data.counts.support_requests! / 36)}; slowest month ${slowest.month}: ${fmtMs(slowest.ms)} over HTTP, ${fmtMs(total)} in SQL (EXPLAIN ANALYZE, both periods):`,
    ...ranked.map(([name, p]) => `  ${name}: ${fmtMs(p.ms)} (${p.n} statement${p.n > 1 ? 's' : ''})`),
  ];
  if (!met) {
    for (const [name, p] of ranked.slice(0, 3)) details.push(`plan of ${name} (current period):`, '```', ...p.plans[0]!, '```');
  }
  const result: BenchResult = {
    name: 'report',
    what: 'GET /api/reports/monthly?month=… as coordinator (month + previous month), 20 months',
    data: `${fmtInt(ctx.data.counts.support_requests!)} requests over 3 years, ${fmtInt(ctx.data.counts.request_events!)} events, ${fmtInt(ctx.data.counts.activity_reports!)} activity reports, ${fmtInt(ctx.data.counts.expenses!)} expenses`,
    figures: summary(samples),
    goal: `p95 < ${GOAL_P95_MS} ms`,
    met: met ? 'yes' : 'no',
    details,
  };
  log(`report: ${result.figures}`);
  return result;
}
