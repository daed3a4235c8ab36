import { loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { openDb } from '../db/index.js';
import { migrateLatest } from '../db/migrate.js';
import { seedReference } from '../../seeds/reference.js';
import { seedDemo } from '../../seeds/demo.js';

/** `npm run seed`: reference data always; demo data too when SEED_DEMO is true (embedded default). */
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
  await migrateLatest(db.knex);
  await seedReference(db.knex);
  console.log('Reference data loaded.');
  if (config.seedDemo)
    console.log((await seedDemo(db.knex)) ? 'Demo data loaded.' : 'Demo data already present (or the database is not empty).');
} finally {
  await db.close();
}
