import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { fiscalYearPeriod, monthPeriod, previousMonth, type Period } from '../domain/period.js';
import { guard } from '../http/guard.js';
import { parseWith } from '../core/validate.js';
import { readSettings } from '../settings/repository.js';
import { forOutsiders } from './external.js';
import { buildReport, type Report } from './report.js';

export const MonthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月は YYYY-MM の形式で指定してください。');
export const YearParam = z.coerce.number().int().min(2000).max(2100);
const Audience = z.enum(['internal', 'external']).default('internal');
export const MonthlyReportQuery = z.object({ month: MonthParam, audience: Audience }).strict();
export const FiscalReportQuery = z.object({ year: YearParam, audience: Audience }).strict();

/** Which period a report request names: ?month=YYYY-MM, or ?year=YYYY for the fiscal year. */
export function periodsFor(kind: 'monthly' | 'fiscal-year', query: { month?: string; year?: number }): [Period, Period] {
  if (kind === 'monthly') return [monthPeriod(query.month!), monthPeriod(previousMonth(query.month!))];
  return [fiscalYearPeriod(query.year!), fiscalYearPeriod(query.year! - 1)];
}

export async function reportFor(
  db: Knex,
  kind: 'monthly' | 'fiscal-year',
  query: { month?: string; year?: number },
  audience: 'internal' | 'external',
) {
  const [period, previous] = periodsFor(kind, query);
  const report: Report = await buildReport(db, period, previous);
  if (audience === 'internal') return report;
  return forOutsiders(report, (await readSettings(db)).small_count_threshold);
}

/** GET /api/reports/monthly?month=YYYY-MM and /api/reports/fiscal-year?year=YYYY (April–March). */
export function reportsRouter(db: Knex): Router {
  const router = Router();
  router.get('/monthly', guard('reports', 'show'), async (req: Request, res) => {
    const q = parseWith(MonthlyReportQuery, req.query, 'noun.report_conditions');
    res.json(await reportFor(db, 'monthly', q, q.audience));
  });
  router.get('/fiscal-year', guard('reports', 'show'), async (req: Request, res) => {
    const q = parseWith(FiscalReportQuery, req.query, 'noun.report_conditions');
    res.json(await reportFor(db, 'fiscal-year', q, q.audience));
  });
  return router;
}
