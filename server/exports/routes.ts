import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Lang } from '../domain/labels.js';
import { fieldLabel } from '../domain/labels.js';
import { canAccess, canSeeField } from '../domain/roles.js';
import { tokyoDate } from '../domain/time.js';
import { audit } from '../http/audit.js';
import type { ResourceService } from '../http/crud.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { actor, requireLogin } from '../http/guard.js';
import { applyFilter, columnOf } from '../http/list-query.js';
import { parseWith } from '../http/validate.js';
import type { PublicReport } from '../reports/external.js';
import { CSV_HEADERS } from '../reports/labels.js';
import { MonthParam, reportFor, YearParam } from '../reports/routes.js';
import { reportRows } from '../reports/rows.js';
import { EXPORT_COLUMNS } from './columns.js';
import { sendCsv, type CsvEncoding } from './csv-stream.js';
import { cursorRows } from './cursor.js';
import { cellSql, copyCsv } from './copy.js';
import type { Engine } from '../db/index.js';
import { formatValue } from './format.js';

const Options = z.object({
  lang: z.enum(['ja', 'en']).default('ja'),
  encoding: z
    .enum(['utf-8', 'utf8', 'shift_jis', 'sjis'])
    .default('utf-8')
    .transform((e): CsvEncoding => (e === 'sjis' || e === 'shift_jis' ? 'shift_jis' : 'utf-8')),
  audience: z.enum(['internal', 'external']).default('internal'),
});
export const ListExportQuery = Options.extend({ sort: z.string().optional(), filter: z.string().optional() }).strict();
export const MonthlyQuery = Options.extend({ month: MonthParam }).strict();
export const FiscalQuery = Options.extend({ year: YearParam }).strict();

const stamp = () => tokyoDate(new Date()).replaceAll('-', '');

async function exportList(db: Knex, engine: Engine, service: ResourceService, req: Request, res: Response) {
  const name = service.config.name;
  const me = actor(req);
  if (!canAccess(me.role, name, 'export')) throw forbidden('この一覧を出力する権限がありません。');
  const opts = parseWith(ListExportQuery, req.query, '出力の条件');
  if (opts.audience === 'external') throw new AppError('validation', '外部向けの出力は集計レポート (monthly, fiscal-year) だけです。', { audience: '集計レポートだけで指定できます。' });
  const list = service.listQueryFor(req, { sort: opts.sort, filter: opts.filter });
  const columns = EXPORT_COLUMNS[name]!.filter((c) => canSeeField(me.role, name, c.field));
  const table = service.config.list.table;
  const lang = opts.lang as Lang;
  // The list's own filter and order, over the exported columns only (never search_text or intake).
  const select = (cells: (string | Knex.Raw)[]) => {
    const q = db(table).select(cells);
    applyFilter(q, service.config.list, list.filter, list.searchColumn);
    return q.orderBy(columnOf(service.config.list, list.sort[0]), list.sort[1]).orderBy(`${table}.${service.repo.idColumn}`, list.sort[1]);
  };
  await db.transaction((trx) => audit(trx, { staff_id: me.id, action: 'export', resource: name, details: { filter: list.filter, sort: list.sort, lang, encoding: opts.encoding, columns: columns.map((c) => c.field) } }));
  const header = columns.map((c) => fieldLabel(name, c.field, lang));
  const file = `${name}_${stamp()}.csv`;
  if (engine === 'postgres') {
    const formatted = select(columns.map((c) => db.raw(`${cellSql(table, c, lang)} as ??`, [c.field])));
    return copyCsv(db, res, file, header, formatted.toQuery(), opts.encoding);
  }
  const query = select(columns.map((c) => `${table}.${c.field}`));
  const rows = (async function* () {
    for await (const row of cursorRows(db, query)) yield columns.map((c) => formatValue(c, row[c.field], lang));
  })();
  await sendCsv(res, file, header, rows, opts.encoding);
}

async function exportReport(db: Knex, kind: 'monthly' | 'fiscal-year', req: Request, res: Response) {
  const me = actor(req);
  if (!canAccess(me.role, 'reports', 'export')) throw forbidden('レポートを出力する権限がありません。');
  const opts = kind === 'monthly' ? parseWith(MonthlyQuery, req.query, '出力の条件') : parseWith(FiscalQuery, req.query, '出力の条件');
  const period = 'month' in opts ? { month: opts.month } : { year: opts.year };
  const report = await reportFor(db, kind, period, opts.audience);
  await db.transaction((trx) => audit(trx, { staff_id: me.id, action: 'export', resource: `reports/${kind}`, details: { ...period, audience: opts.audience, lang: opts.lang, encoding: opts.encoding } }));
  const rows = await reportRows(db, report as PublicReport, opts.lang as Lang, opts.audience === 'external');
  const label = 'month' in opts ? opts.month : `FY${opts.year}`;
  const file = `${kind}-report_${label}${opts.audience === 'external' ? '_external' : ''}_${stamp()}.csv`;
  await sendCsv(res, file, CSV_HEADERS[opts.lang as Lang], (async function* () { yield* rows.map((r) => r.map((v) => (v == null ? '' : v))); })(), opts.encoding);
}

/** A download the browser cancelled is not a server fault: nothing to report, nobody to tell. */
const cancelled = (err: unknown, res: Response) => (err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE' && res.headersSent;

/** GET /api/exports/<resource>.csv (same filters as the list), monthly.csv, fiscal-year.csv. */
export function exportsRouter(db: Knex, engine: Engine, services: Map<string, ResourceService>): Router {
  const serve = async (req: Request, res: Response) => {
    const file = String(req.params.file);
    if (!file.endsWith('.csv')) throw notFound('出力');
    const name = file.slice(0, -4);
    if (name === 'monthly' || name === 'fiscal-year') return exportReport(db, name, req, res);
    const service = services.get(name);
    if (!service || !Object.hasOwn(EXPORT_COLUMNS, name)) throw notFound('出力');
    return exportList(db, engine, service, req, res);
  };
  const router = Router();
  router.get('/:file', requireLogin, (req, res) =>
    serve(req, res).catch((err: unknown) => {
      if (!cancelled(err, res)) throw err;
    }),
  );
  return router;
}
