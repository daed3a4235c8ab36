import { createServer, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ensureAdmin, sessionSecretFor } from './bootstrap.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { openDb } from './db/index.js';
import { clearSpoolDir } from './exports/spool.js';
import { migrateLatest } from './db/migrate.js';
import { seedReference } from '../seeds/reference.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../seeds/demo.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CONSOLE_DIR = path.join(ROOT, 'dist', 'admin');

function printDemoAccounts(): void {
  console.log('\nデモ用スタッフアカウント / Demo staff accounts (password: %s)', DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(16)} ${a.email}`);
}

/** Answers every request that arrives once the server is stopping. */
function refuse(res: ServerResponse): void {
  res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '30', Connection: 'close' });
  res.end(JSON.stringify({ error: 'unavailable', message: 'サーバーを停止しています。しばらくしてからもう一度お試しください。' }));
}

export type Started = {
  server: Server;
  /**
   * Stops taking requests (each new one gets 503), lets the running ones (a long export) finish
   * for up to SHUTDOWN_GRACE_SECONDS, then closes the database and releases DATA_DIR. Resolves
   * true when everything finished in time, false when requests were cut off.
   */
  stop: () => Promise<boolean>;
};

/**
 * Start-up: database (locking DATA_DIR on PGlite), migrations and seeds — all finished before
 * the port opens, so no request competes with them — then HTTP.
 */
export async function start(config: Config): Promise<Started> {
  const db = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const spoolDir = db.engine === 'pglite' ? path.join(config.dataDir, 'tmp') : undefined;
  try {
    await db.ready;
    if (spoolDir) await clearSpoolDir(spoolDir);
    await migrateLatest(db.knex);
    await seedReference(db.knex);
    if (config.adminEmail && config.adminPassword && (await ensureAdmin(db.knex, config.adminEmail, config.adminPassword))) {
      console.log(`Created admin ${config.adminEmail}`);
    }
    if (config.seedDemo) {
      if (await seedDemo(db.knex)) console.log('Loaded fictional demo data.');
      printDemoAccounts();
    }
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  const sessionSecret = config.sessionSecret ?? sessionSecretFor(config.dataDir);
  const app = buildApp(db, {
    sessionSecret,
    sessionHours: config.sessionHours,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    staticDir: CONSOLE_DIR,
    exportSpoolDir: spoolDir,
  });

  let stopping = false;
  let running = 0;
  let idle: (() => void) | undefined;
  const server = createServer((req, res) => {
    if (stopping) return refuse(res);
    running++;
    res.once('close', () => {
      running--;
      if (stopping) server.closeIdleConnections();
      if (running === 0) idle?.();
    });
    app(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Spot Otonari back-office on http://localhost:${port} (database: ${db.engine})`);

  let stopped: Promise<boolean> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      server.closeIdleConnections();
      const finished = await new Promise<boolean>((resolve) => {
        if (running === 0) return resolve(true);
        const timer = setTimeout(() => resolve(false), config.shutdownGraceSeconds * 1000);
        idle = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      if (!finished) console.error(`Requests still running after ${config.shutdownGraceSeconds} s (SHUTDOWN_GRACE_SECONDS): cutting them off.`);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.close();
      return finished;
    })());
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
  const starting = start(config);
  // Listening for signals before the port opens: a SIGTERM that comes during start-up (or right
  // as it ends) waits for it and stops cleanly instead of killing the process mid-way.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`${signal}: no new requests; letting running ones finish (at most ${config.shutdownGraceSeconds} s), then stopping.`);
      // Should closing the database itself hang, do not wait forever.
      setTimeout(() => process.exit(1), (config.shutdownGraceSeconds + 15) * 1000).unref();
      starting
        .then((started) => started.stop())
        .then(
          (finished) => process.exit(finished ? 0 : 1),
          (err: unknown) => {
            if (!(err instanceof DataDirLockedError)) console.error(err);
            process.exit(1);
          },
        );
    });
  }
  try {
    await starting;
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(3);
    }
    throw err;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
