/**
 * `npm run bench`: a fresh PostgreSQL database, migrated, seeded and filled by set-based SQL,
 * then each benchmark through the real app; a Markdown table on stdout and in
 * /tmp/bench-results.md. The database is dropped at the end, also on failure or Ctrl-C.
 *
 *   BENCH_DATABASE_URL  server to use (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_ONLY          comma-separated subset of search,candidates,report,export,import,lists,screens,pglite,bundle
 *                       (or name them as arguments: `npm run bench -- import`)
 *   BENCH_SCALE         data size factor (default 1; 0.01 for a quick try)
 *   BENCH_KEEP          a database name: generated on the first run and kept, then reused (migrated
 *                       to the latest, not regenerated) by later runs, for measuring a change again
 *                       without waiting for the data; drop it by hand when done
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { buildApp } from '../../server/app.js';
import { createLogger } from '../../server/log.js';
import { knexForPostgres, type Db } from '../../server/db/index.js';
import { migrateLatest } from '../../server/db/migrate.js';
import { seedReference } from '../../seeds/reference.js';
import { adminUrl, databaseUrl } from '../helpers/pg-url.js';
import { benchBundle } from './bundle.js';
import { benchCandidates } from './candidates.js';
import { type DataSummary, generateData, keptData } from './data.js';
import { benchExport } from './export.js';
import { benchImport } from './import.js';
import { benchLists } from './lists.js';
import { benchPglite } from './pglite.js';
import { log, type BenchContext, type BenchResult } from './lib.js';
import { benchReport } from './report.js';
import { benchScreens } from './screens.js';
import { benchSearch } from './search.js';

const BENCHES: Record<string, (ctx: BenchContext) => Promise<BenchResult>> = {
  search: benchSearch,
  candidates: benchCandidates,
  report: benchReport,
  export: benchExport,
  import: benchImport,
  lists: benchLists,
};
/**
 * Benchmarks that make their own databases, run after those on the PostgreSQL one: `screens`
 * (the demo data on PGlite), `pglite` (the benchmark data on PGlite at growing sizes) and `bundle`
 * (the console's JavaScript sizes, no database).
 */
const STANDALONE: Record<string, () => Promise<BenchResult>> = {
  screens: benchScreens,
  pglite: benchPglite,
  bundle: benchBundle,
};
// Benchmarks that need only clients and volunteers, not the requests and their history.
const PEOPLE_ONLY = ['search', 'import'];
const OUTPUT = '/tmp/bench-results.md';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scale = Number(process.env.BENCH_SCALE ?? 1);
const named = process.argv.slice(2).join(',');
const only = (named || process.env.BENCH_ONLY || [...Object.keys(BENCHES), ...Object.keys(STANDALONE)].join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = only.filter((name) => !BENCHES[name] && !STANDALONE[name]);
if (unknown.length || !only.length)
  throw new Error(
    `BENCH_ONLY: unknown ${unknown.join(', ')}; choose from ${[...Object.keys(BENCHES), ...Object.keys(STANDALONE)].join(', ')}`,
  );
if (!(scale > 0 && scale <= 1)) throw new Error('BENCH_SCALE must be in (0, 1]');

const cell = (s: string) => s.replaceAll('|', '\\|');

function markdown(results: BenchResult[], header: string[]): string {
  const table = [
    '| Benchmark | What | Data | Figures | Goal | Met |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${cell(r.what)} | ${cell(r.data)} | ${cell(r.figures)} | ${cell(r.goal)} | ${r.met} |`),
  ];
  // Detail lines become bullets, except indented ones and those inside ``` blocks (query plans).
  const bullets = (lines: string[]) => {
    let code = false;
    return lines.map((d) => {
      if (d.startsWith('```')) code = !code;
      return code || d.startsWith('```') || d.startsWith(' ') ? d : `- ${d}`;
    });
  };
  const details = results.flatMap((r) => ['', `### ${r.name}`, '', ...bullets(r.details)]);
  return ['# Benchmark results', '', ...header, '', ...table, '', '## Details', ...details, ''].join('\n');
}

const printResult = (result: BenchResult) => {
  console.log(`  what: ${result.what}\n  data: ${result.data}\n  figures: ${result.figures}\n  goal: ${result.goal}\n  met: ${result.met}`);
  for (const d of result.details) console.log(`    ${d}`);
};

/** The benchmarks on one generated PostgreSQL database, dropped at the end (also on failure or Ctrl-C). */
async function onPostgres(names: string[], results: BenchResult[], header: string[]) {
  const keep = process.env.BENCH_KEEP;
  if (keep && !/^[a-z_][a-z0-9_]*$/.test(keep)) throw new Error('BENCH_KEEP must be a plain lower-case database name');
  const name = keep ?? `spot_bench_${randomBytes(5).toString('hex')}`;
  const dbUrl = databaseUrl(url, name);
  const admin = knexForPostgres(adminUrl(url), 1);
  let db: Db | undefined;
  let client: pg.Client | undefined;
  let dropped = false;
  const cleanup = async () => {
    if (dropped) return;
    dropped = true;
    await client?.end().catch(() => undefined);
    await db?.close().catch(() => undefined);
    if (keep) log(`kept database ${name}`);
    else {
      await admin.raw(`drop database if exists ${name} with (force)`).catch((err) => console.error(`could not drop ${name}:`, err));
      log(`dropped database ${name}`);
    }
    await admin.destroy();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  try {
    const reuse = keep && (await admin.raw('select 1 from pg_database where datname = ?', [keep])).rows.length > 0;
    if (!reuse) await admin.raw(`create database ${name}`);
    log(`${reuse ? 'reusing' : 'created'} database ${name} (scale ${scale}, benchmarks ${names.join(', ')})`);
    const knex = knexForPostgres(dbUrl, 10);
    db = { knex, engine: 'postgres', close: () => knex.destroy() };
    await migrateLatest(knex);
    let data: DataSummary;
    if (reuse) data = await keptData(knex);
    else {
      await seedReference(knex);
      const needRequests = names.some((b) => !PEOPLE_ONLY.includes(b));
      // A kept database is generated whole, so that any benchmark can reuse it.
      data = await generateData(knex, { scale, requests: needRequests || !!keep, history: names.includes('report') || !!keep });
    }
    client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    const server = (await client.query('show server_version')).rows[0].server_version as string;
    const app = buildApp(db, { sessionSecret: 'bench-secret-'.padEnd(48, 'x'), logger: createLogger({ level: 'error' }) });
    const ctx: BenchContext = { db, app, url: dbUrl, pg: client, scale, data };
    for (const bench of names) {
      log(`running ${bench}…`);
      const result = await BENCHES[bench]!(ctx);
      results.push(result);
      printResult(result);
    }
    header.push(
      `PostgreSQL ${server}. Data (${data.seconds ? `generated in ${data.seconds.toFixed(0)} s by set-based SQL` : `kept from an earlier run in ${name}`}): ${Object.entries(
        data.counts,
      )
        .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
        .join(', ')}.`,
    );
  } finally {
    await cleanup();
  }
}

async function main() {
  const started = performance.now();
  const results: BenchResult[] = [];
  const header = [
    `Run ${new Date().toISOString()} — Node ${process.version}, ${cpus().length} cores.`,
    `Command: \`${scale === 1 ? '' : `BENCH_SCALE=${scale} `}${process.env.BENCH_ONLY && !named ? `BENCH_ONLY=${only.join(',')} ` : ''}npm run bench${named ? ` -- ${only.join(' ')}` : ''}\``,
  ];
  const onPg = only.filter((b) => BENCHES[b]);
  if (onPg.length) await onPostgres(onPg, results, header);
  for (const bench of only.filter((b) => STANDALONE[b])) {
    log(`running ${bench}…`);
    const result = await STANDALONE[bench]!();
    results.push(result);
    printResult(result);
  }
  header.push(`Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  const md = markdown(results, header);
  console.log(`\n${md}`);
  writeFileSync(OUTPUT, md);
  log(`written to ${OUTPUT}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
