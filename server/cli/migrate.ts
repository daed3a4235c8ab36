import { loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { openDb } from '../db/index.js';
import { migrateLatest, rollbackAll } from '../db/migrate.js';

/** `npm run migrate` (latest) or `npm run migrate -- down` (undo every migration). */
const config = loadConfig();
const db = (() => {
  try {
    return openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    // A server (or another command) is using the embedded database's folder.
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(3);
    }
    throw err;
  }
})();
try {
  if (process.argv[2] === 'down') {
    await rollbackAll(db.knex);
    console.log('Rolled back every migration.');
  } else {
    const applied = await migrateLatest(db.knex);
    console.log(applied.length ? `Applied:\n  ${applied.join('\n  ')}` : 'Already up to date.');
  }
} finally {
  await db.close();
}
