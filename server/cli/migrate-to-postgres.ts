import { loadConfig } from '../config.js';
import { copyDatabase } from '../db/copy-database.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { knexForPostgres, openDb } from '../db/index.js';

/**
 * `npm run migrate-to-postgres -- postgres://…`: copies the embedded database in DATA_DIR
 * (default ./data) into a new, empty PostgreSQL database. Stop the server first (the folder's
 * lock refuses otherwise); afterwards start it with DATABASE_URL set to the same URL.
 */
const url = process.argv[2] ?? process.env.TARGET_DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error('Usage: npm run migrate-to-postgres -- postgres://user:password@host:5432/database');
  process.exit(2);
}
const config = loadConfig({ ...process.env, DATABASE_URL: undefined });
let source: ReturnType<typeof openDb>;
try {
  source = openDb({ dataDir: config.dataDir });
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(3);
  }
  throw err;
}
const target = knexForPostgres(url, 2);
try {
  console.log(`Copying ${config.dataDir} into ${url.replace(/\/\/[^@/]*@/, '//…@')}`);
  const report = await copyDatabase(source.knex, target, (table, rows) => console.log(`  ${table}: ${rows} rows`));
  const total = report.reduce((n, t) => n + t.rows, 0);
  console.log(`Done: ${report.length} tables, ${total} rows.`);
  console.log('Start the server with DATABASE_URL set to this database and the same SESSION_SECRET as before');
  console.log(`(without one set, the content of ${config.dataDir}/session-secret): the two-factor keys are encrypted with it.`);
} catch (err) {
  console.error(`Nothing was copied: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await target.destroy();
  await source.close();
}
