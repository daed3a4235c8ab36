import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ensureAdmin, sessionSecretFor } from './bootstrap.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDb } from './db/index.js';
import { migrateLatest } from './db/migrate.js';
import { seedReference } from '../seeds/reference.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../seeds/demo.js';
import { DEMO_ADMIN_EMAIL, DEMO_TOTP_SECRET, enrolDemoAdmin } from '../seeds/demo-totp.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CONSOLE_DIR = path.join(ROOT, 'dist', 'admin');

function printDemoAccounts(): void {
  console.log('\nデモ用スタッフアカウント / Demo staff accounts (password: %s)', DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(16)} ${a.email}`);
  console.log('%s の二段階認証 (TOTP) の鍵 / TOTP key of %s: %s', DEMO_ADMIN_EMAIL, DEMO_ADMIN_EMAIL, DEMO_TOTP_SECRET);
}

/** Start-up: configuration, database, migrations, seeds, HTTP, and a graceful stop on SIGTERM. */
export async function start(config: Config): Promise<{ server: Server; stop: () => Promise<void> }> {
  const db = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateLatest(db.knex);
  await seedReference(db.knex);
  if (config.adminEmail && config.adminPassword && (await ensureAdmin(db.knex, config.adminEmail, config.adminPassword))) {
    console.log(`Created admin ${config.adminEmail}`);
  }
  const sessionSecret = config.sessionSecret ?? sessionSecretFor(config.dataDir);
  if (config.seedDemo) {
    if (await seedDemo(db.knex)) {
      await enrolDemoAdmin(db.knex, sessionSecret);
      console.log('Loaded fictional demo data.');
    }
    printDemoAccounts();
  }
  const app = buildApp(db, {
    sessionSecret,
    sessionHours: config.sessionHours,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    staticDir: CONSOLE_DIR,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Spot Otonari back-office on http://localhost:${port} (database: ${db.engine})`);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }).then(() => db.close()));
  return { server, stop };
}

export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const { stop } = await start(config);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`${signal}: finishing open requests, then stopping.`);
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      void stop().then(() => process.exit(0));
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
