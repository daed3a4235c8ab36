import { loadConfig } from '../config.js';
import { openDb } from '../db/index.js';
import { migrateLatest, rollbackAll } from '../db/migrate.js';

/** `npm run migrate` (latest) or `npm run migrate -- down` (undo every migration). */
const config = loadConfig();
const db = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
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
