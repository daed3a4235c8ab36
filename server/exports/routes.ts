import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Lang } from '../domain/labels.js';
import { fieldLabel } from '../domain/labels.js';
import { canAccess, canSeeField } from '../domain/roles.js';
import { groupsIn } from '../domain/privacy.js';
import { tokyoDate } from '../domain/time.js';
import { audit } from '../core/audit.js';
import type { ResourceService } from '../core/service.js';
import { AppError, forbidden, notFound } from '../core/errors.js';
import { actor, requireLogin } from '../http/guard.js';
import { applyFilter, columnOf } from '../core/list-query.js';
import { parseWith } from '../core/validate.js';
import { CSV_HEADERS } from '../reports/labels.js';
import { MonthParam, reportFor, YearParam } from '../reports/routes.js';
import { reportPreamble, reportRows } from '../reports/rows.js';
import { EXPORT_COLUMNS } from './columns.js';
import { csvHeaders, sendCsv, type CsvEncoding } from './csv-stream.js';
import { cursorRows } from './cursor.js';
import { cellSql, copyCsv } from './copy.js';
import type { Engine } from '../db/index.js';
import { formatValue } from './format.js';
import { defaultSpoolDir, discardSpooled, sendSpooled, spoolCsv } from './spool.js';

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
/** Both encodings of one export can sit side by side in a downloads folder without one replacing the other. */
const encodingSuffix = (encoding: CsvEncoding) => (encoding === 'shift_jis' ? '_sjis' : '');

/**
 * An export checked in full (rights, options, every filter value) before anything is read or
 * written: HEAD stops there, GET runs it. So a bad filter is a 400, never a reset after a 200.
 */
type Plan = { file: string; encoding: CsvEncoding; run: (res: Response) => Promise<void> };

function planList(db: Knex, engine: Engine, service: ResourceService, req: Request, spoolDir: string): Plan {
  const name = service.config.name;
  const me = actor(req);
  if (!canAccess(me.role, name, 'export')) throw forbidden('export.forbidden');
  const opts = parseWith(ListExportQuery, req.query, 'noun.export_conditions');
  if (opts.audience === 'external')
    throw new AppError('validation', 'export.external_only_reports', {
      audience: 'export.only_reports_field',
    });
  const list = service.listQueryFor(me.role, { sort: opts.sort, filter: opts.filter });
  const columns = EXPORT_COLUMNS[name]!.filter((c) => canSeeField(me.role, name, c.guard ?? c.field));
  const table = service.config.list.table;
  const lang: Lang = opts.lang;
  // The list's own filter and order, over the exported columns only (never search_text or intake).
  // Built here, so every filter value is validated before the response starts.
  const cells =
    engine === 'postgres'
      ? columns.map((c) => db.raw(`${cellSql(table, c, lang)} as ??`, [c.field]))
      : columns.map((c) => (c.sql ? db.raw(`(${c.sql(table, lang)}) as ??`, [c.field]) : `${table}.${c.field}`));
  const query = db(table).select(cells);
  const filter = applyFilter(query, service.config.list, list.filter, list.searchColumn);
  query.orderBy(columnOf(service.config.list, list.sort[0]), list.sort[1]).orderBy(`${table}.${service.repo.idColumn}`, list.sort[1]);
  const header = columns.map((c) => c.header?.[lang] ?? fieldLabel(name, c.field, lang));
  const file = `${name}_${stamp()}${encodingSuffix(opts.encoding)}.csv`;
  // Written once the rows are in hand, just before the first byte leaves.
  const audited = () =>
    db.transaction((trx) =>
      audit(trx, {
        staff_id: me.id,
        action: 'export',
        resource: name,
        // The field groups it holds: an export with residents' or volunteers' contact details says so.
        changed_fields: groupsIn(
          name,
          columns.map((c) => c.field),
        ),
        details: { filter, sort: list.sort, lang, encoding: opts.encoding, columns: columns.map((c) => c.field) },
      }),
    );
  const run = async (res: Response) => {
    if (engine === 'postgres') return copyCsv(db, res, file, header, query.toQuery(), opts.encoding, audited);
    const rows = (async function* () {
      for await (const row of cursorRows(db, query)) yield columns.map((c) => formatValue(c, row[c.field], lang));
    })();
    // A client that leaves while the file is written stops the writing (and its file).
    const left = new AbortController();
    const onClose = () => left.abort();
    res.once('close', onClose);
    const spooled = await spoolCsv(spoolDir, header, rows, opts.encoding, left.signal).finally(() => res.off('close', onClose));
    try {
      await audited();
    } catch (err) {
      await discardSpooled(spooled);
      throw err;
    }
    await sendSpooled(res, spooled, file, opts.encoding);
  };
  return { file, encoding: opts.encoding, run };
}

function planReport(db: Knex, kind: 'monthly' | 'fiscal-year', req: Request): Plan {
  const me = actor(req);
  if (!canAccess(me.role, 'reports', 'export')) throw forbidden('export.reports_forbidden');
  const opts =
    kind === 'monthly'
      ? parseWith(MonthlyQuery, req.query, 'noun.export_conditions')
      : parseWith(FiscalQuery, req.query, 'noun.export_conditions');
  const period = 'month' in opts ? { month: opts.month } : { year: opts.year };
  const label = 'month' in opts ? opts.month : `FY${opts.year}`;
  const file = `${kind}-report_${label}${opts.audience === 'external' ? '_external' : ''}_${stamp()}${encodingSuffix(opts.encoding)}.csv`;
  const run = async (res: Response) => {
    const report = await reportFor(db, kind, period, opts.audience);
    await db.transaction((trx) =>
      audit(trx, {
        staff_id: me.id,
        action: 'export',
        resource: `reports/${kind}`,
        details: { ...period, audience: opts.audience, lang: opts.lang, encoding: opts.encoding },
      }),
    );
    const external = opts.audience === 'external';
    const rows = await reportRows(db, report, opts.lang, external);
    const [first, ...preamble] = reportPreamble(report, kind, opts.lang, external);
    await sendCsv(
      res,
      file,
      first!,
      (async function* () {
        yield* preamble;
        yield CSV_HEADERS[opts.lang];
        yield* rows.map((r) => r.map((v) => (v == null ? '' : v)));
      })(),
      opts.encoding,
    );
  };
  return { file, encoding: opts.encoding, run };
}

/** A download the browser cancelled is not a server fault: nothing to report, nobody to tell. */
const cancelled = (err: unknown, res: Response) => {
  const code = err instanceof Error && 'code' in err ? err.code : undefined;
  const name = err instanceof Error ? err.name : undefined;
  return (code === 'ERR_STREAM_PREMATURE_CLOSE' || name === 'AbortError') && (res.headersSent || res.destroyed);
};

/**
 * GET /api/exports/<resource>.csv (same filters as the list), monthly.csv, fiscal-year.csv.
 * HEAD answers the same checks and headers without reading data or writing an audit entry.
 * On PGlite, list exports are spooled in spoolDir (removed after each download).
 */
export function exportsRouter(db: Knex, engine: Engine, services: Map<string, ResourceService>, spoolDir = defaultSpoolDir()): Router {
  const plan = (req: Request): Plan => {
    const file = String(req.params.file);
    if (!file.endsWith('.csv')) throw notFound('noun.export');
    const name = file.slice(0, -4);
    if (name === 'monthly' || name === 'fiscal-year') return planReport(db, name, req);
    const service = services.get(name);
    if (!service || !Object.hasOwn(EXPORT_COLUMNS, name)) throw notFound('noun.export');
    return planList(db, engine, service, req, spoolDir);
  };
  const router = Router();
  router.head('/:file', requireLogin, (req, res) => {
    const { file, encoding } = plan(req);
    csvHeaders(res, file, encoding);
    res.end();
  });
  router.get('/:file', requireLogin, (req, res) =>
    Promise.resolve()
      .then(() => plan(req).run(res))
      .catch((err: unknown) => {
        if (!cancelled(err, res)) throw err;
      }),
  );
  return router;
}
