import { execFile } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { EXPORT_COLUMNS } from '../../server/exports/columns.js';
import { cellSql } from '../../server/exports/copy.js';
import { createStaff } from '../helpers/factories.js';
import {
  fmtInt,
  fmtMb,
  fmtMs,
  loadAverage,
  log,
  loginCookie,
  throughApi,
  timed,
  type BenchContext,
  type BenchResult,
  type LoadRun,
} from './lib.js';

const run = promisify(execFile);
const GOAL_RATIO = 0.5;
/** Coordinators browsing the request list while the export runs: the first page, a filter, a search. */
const BROWSERS = 10;
const BROWSE_PATHS = (
  [
    { sort: '["received_at","DESC"]', range: '[0,24]' },
    { sort: '["received_at","DESC"]', range: '[0,24]', filter: '{"status":"matching"}' },
    { sort: '["received_at","DESC"]', range: '[25,49]' },
    { sort: '["received_at","DESC"]', range: '[0,24]', filter: '{"q":"グエン"}' },
  ] as Record<string, string>[]
).map((q) => `/api/support-requests?${new URLSearchParams(q)}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The export's columns as SQL: raw (the table's own column, or the plain look-up of a column
 * from another table such as the client's number), or exactly as the export formats them
 * (cellSql, Japanese).
 */
function exportColumns(formatted: boolean, own: Set<string>): string {
  const cols = EXPORT_COLUMNS['support-requests']!;
  return cols
    .map((c) => {
      if (formatted) return cellSql('support_requests', c, 'ja');
      if (own.has(c.field) || !c.sql) return c.field;
      return `(${c.sql('support_requests', 'ja')}) as ${c.field}`;
    })
    .join(', ');
}

/**
 * PostgreSQL's own speed for the same rows: psql's \copy of the export's columns, in its order,
 * to /dev/null. The session is in Japan time with ISO dates, as the export's transaction is.
 */
async function copyMs(ctx: BenchContext, formatted = false): Promise<number> {
  const { rows } = (await ctx.db.knex.raw(
    `select column_name from information_schema.columns where table_schema = 'public' and table_name = 'support_requests'`,
  )) as { rows: { column_name: string }[] };
  const own = new Set(rows.map((r) => r.column_name));
  const sql = `\\copy (select ${exportColumns(formatted, own)} from support_requests order by received_at desc, id desc) to '/dev/null' with (format csv, header)`;
  const env = { ...process.env, PGTZ: 'Asia/Tokyo', PGDATESTYLE: 'ISO, YMD' };
  const [ms] = await timed(() => run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', ctx.url, '-c', sql], { maxBuffer: 1 << 20, env }));
  return ms;
}

/** GET /api/exports/support-requests.csv as a coordinator through a real HTTP server, read as a stream. */
export async function benchExport(ctx: BenchContext): Promise<BenchResult> {
  const rowsInDb = Number((await ctx.db.knex.raw('select count(*) as n from support_requests')).rows[0].n);
  const copyCold = await copyMs(ctx); // also warms the cache for both sides
  // A coordinator (admins sign in with a TOTP code as well).
  const staff = await createStaff(ctx.db.knex, { role: 'coordinator' });
  const server = ctx.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const cookie = await loginCookie(base, staff.email);

    const exportCsv = async () => {
      const { stdout } = await run(
        'bash',
        ['-c', 'set -o pipefail; curl -s -f -b "$1" "$2" | wc -l', 'bench', cookie, `${base}/api/exports/support-requests.csv`],
        {
          maxBuffer: 1 << 16,
        },
      );
      return Number(stdout.trim()) - 1;
    };

    const rss: number[] = [];
    const startRss = process.memoryUsage().rss;
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 200);
    // The client is curl in its own process, so the figure is the server's alone, as psql's is COPY's.
    const t0 = performance.now();
    const script = 'set -o pipefail; curl -s -f -b "$1" "$2" | wc -lc';
    const { stdout } = await run('bash', ['-c', script, 'bench', cookie, `${base}/api/exports/support-requests.csv`], {
      maxBuffer: 1 << 16,
    });
    const [lines, bytes] = stdout.trim().split(/\s+/).map(Number) as [number, number];
    const ms = performance.now() - t0;
    clearInterval(sampler);
    const endRss = process.memoryUsage().rss;
    rss.push(endRss);
    const peakRss = Math.max(startRss, ...rss);

    const copyWarm = await copyMs(ctx);
    const copy = Math.min(copyCold, copyWarm);
    const copyFormatted = await copyMs(ctx, true);
    const rows = lines - 1; // the header line
    const appRate = rows / (ms / 1000);
    const copyRate = rowsInDb / (copy / 1000);
    const ratio = appRate / copyRate;
    // Flat: memory does not grow with the rows sent — the last quarter peaks no higher than the first (+32 MB of GC slack).
    const quarter = Math.max(1, Math.floor(rss.length / 4));
    const flat = Math.max(0, ...rss.slice(-quarter)) <= Math.max(startRss, ...rss.slice(0, quarter)) + 32 * 1048576;
    const deciles = Array.from({ length: 10 }, (_, i) =>
      fmtMb(rss[Math.min(rss.length - 1, Math.floor(((i + 1) * rss.length) / 10) - 1)] ?? endRss),
    );
    const details = [
      `app: ${fmtInt(rows)} rows${rows === rowsInDb ? '' : ` (EXPECTED ${fmtInt(rowsInDb)})`}, ${fmtMb(bytes)} in ${fmtMs(ms)}: ${fmtInt(appRate)} rows/s, ${(bytes / 1048576 / (ms / 1000)).toFixed(1)} MB/s`,
      `COPY via psql \\copy to /dev/null (same columns and order, raw codes, no label or time-zone formatting): ${fmtMs(copyCold)} first, ${fmtMs(copyWarm)} second → ${fmtInt(copyRate)} rows/s`,
      `COPY of the export's own formatted SQL (labels, Japan time, language names, neutralising): ${fmtMs(copyFormatted)} → ${fmtInt(rowsInDb / (copyFormatted / 1000))} rows/s = ${Math.round((copy / copyFormatted) * 100)}% of plain COPY`,
      `server RSS during the export (sampled every 200 ms, ${rss.length} samples): start ${fmtMb(startRss)}, peak ${fmtMb(peakRss)}, end ${fmtMb(endRss)} → ${flat ? 'flat' : 'NOT flat'} (the last quarter peaks no higher than the first + 32 MB); at each tenth of the export: ${deciles.join(', ')}`,
      'the HTTP client is curl in its own process; row count taken from the table ; lines counted by wc (curl -f fails the run on any HTTP error)',
    ];

    // The same export, and the same COPY, each while 10 coordinators browse the request list
    // through this server (autocannon in a child process), started a second before and lasting
    // well past the end.
    const browseSeconds = Math.max(5, Math.ceil((3 * Math.max(ms, copy)) / 1000) + 2);
    const whileBrowsing = async <T>(fn: () => Promise<T>): Promise<{ ms: number; value: T; browse: LoadRun }> => {
      const browsing = throughApi({ base, cookie }, BROWSE_PATHS, BROWSERS, browseSeconds);
      await sleep(1000);
      const [took, value] = await timed(fn);
      const browse = await browsing;
      return { ms: took, value, browse };
    };
    log(`export: again while ${BROWSERS} coordinators browse…`);
    const loadedExport = await whileBrowsing(exportCsv);
    const loadedCopy = await whileBrowsing(() => copyMs(ctx));
    const loadedRatio = loadedExport.value / (loadedExport.ms / 1000) / (rowsInDb / (loadedCopy.ms / 1000));
    const browseFig = (b: LoadRun) =>
      `${fmtInt(b.rps)}/s p50 ${fmtMs(b.p50)} p95 ${fmtMs(b.p95)}${b.non2xx + b.errors ? `, ${b.non2xx} non-2xx, ${b.errors} errors` : ''}`;
    details.push(
      `while ${BROWSERS} coordinators browse the request list (${browseSeconds} s of autocannon per side): export ${fmtInt(loadedExport.value)} rows in ${fmtMs(loadedExport.ms)} = ${fmtInt(loadedExport.value / (loadedExport.ms / 1000))} rows/s (browsing ${browseFig(loadedExport.browse)}); COPY ${fmtMs(loadedCopy.ms)} = ${fmtInt(rowsInDb / (loadedCopy.ms / 1000))} rows/s (browsing ${browseFig(loadedCopy.browse)}) → ${Math.round(loadedRatio * 100)}%`,
      `${loadAverage()} at the end`,
    );
    const met = ratio >= GOAL_RATIO && loadedRatio >= GOAL_RATIO && rows === rowsInDb && loadedExport.value === rowsInDb;
    const result: BenchResult = {
      name: 'export',
      what: 'GET /api/exports/support-requests.csv as admin (all rows, UTF-8) over HTTP vs psql \\copy',
      data: `${fmtInt(rowsInDb)} requests, ${fmtMb(bytes)} of CSV`,
      figures: `alone ${fmtInt(appRate)} rows/s vs COPY ${fmtInt(copyRate)} rows/s = ${Math.round(ratio * 100)}%; while ${BROWSERS} browse ${Math.round(loadedRatio * 100)}% of COPY under the same load (browsing p95 ${fmtMs(loadedExport.browse.p95)}); RSS ${fmtMb(startRss)} → peak ${fmtMb(peakRss)} → ${fmtMb(endRss)} (${flat ? 'flat' : 'growing'})`,
      goal: `≥ ${GOAL_RATIO * 100}% of COPY's rows/s, also while ${BROWSERS} others browse`,
      met: met ? 'yes' : 'no',
      details,
    };
    log(`export: ${result.figures}`);
    return result;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
