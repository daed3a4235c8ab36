import type { Knex } from 'knex';
import cluster from 'node:cluster';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ensureAdmin, sessionSecretFor } from './bootstrap.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { openDb } from './db/index.js';
import { createLogger, type Logger } from './log.js';
import { clearSpoolDir } from './exports/spool.js';
import { Outbox } from './messages/outbox.js';
import { migrateLatest } from './db/migrate.js';
import { seedReference } from '../seeds/reference.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../seeds/demo.js';
import { DEMO_ADMIN_EMAIL, DEMO_TOTP_SECRET, enrolDemoAdmin } from '../seeds/demo-totp.js';
import { languageOf, render } from './core/messages.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CONSOLE_DIR = path.join(ROOT, 'dist', 'admin');

function printDemoAccounts(): void {
  console.log('\nデモ用スタッフアカウント / Demo staff accounts (password: %s)', DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(16)} ${a.email}`);
  console.log('%s の二段階認証 (TOTP) の鍵 / TOTP key of %s: %s', DEMO_ADMIN_EMAIL, DEMO_ADMIN_EMAIL, DEMO_TOTP_SECRET);
}

/** Answers every request that arrives once the server is stopping. */
function refuse(req: IncomingMessage, res: ServerResponse): void {
  const lang = languageOf(req.headers['accept-language']);
  res.writeHead(503, {
    Vary: 'Accept-Language',
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': '30',
    Connection: 'close',
  });
  res.end(JSON.stringify({ error: 'unavailable', message: render('shutting_down', lang), message_code: 'shutting_down' }));
}

export type Started = {
  server: Server;
  /**
   * Stops taking requests (each new one gets 503), lets the running ones (a long export) finish
   * for up to SHUTDOWN_GRACE_SECONDS, then closes the database and releases DATA_DIR. Resolves
   * true when everything finished in time, false when requests were cut off.
   */
  stop: () => Promise<boolean>;
  /** The database the server uses (browser tests prepare data through it). */
  knex: Knex;
};

/**
 * Start-up: database (locking DATA_DIR on PGlite), migrations and seeds — all finished before
 * the port opens, so no request competes with them — then HTTP.
 */
/** Migrations, reference data, the first admin and the demo data: once, before any request. */
async function prepare(knex: Knex, config: Config, sessionSecret: string): Promise<void> {
  await migrateLatest(knex);
  await seedReference(knex);
  if (config.adminEmail && config.adminPassword && (await ensureAdmin(knex, config.adminEmail, config.adminPassword))) {
    console.log(`Created admin ${config.adminEmail}`);
  }
  if (config.seedDemo) {
    if (await seedDemo(knex)) {
      await enrolDemoAdmin(knex, sessionSecret);
      console.log('Loaded fictional demo data.');
    }
    printDemoAccounts();
  }
}

/**
 * Start-up: database (locking DATA_DIR on PGlite), migrations and seeds — all finished before
 * the port opens, so no request competes with them — then HTTP. `prepared`: a worker of
 * several processes, whose primary has already migrated and seeded.
 */
export async function start(
  config: Config,
  logger: Logger = createLogger({ level: config.logLevel }),
  options: { prepared?: boolean } = {},
): Promise<Started> {
  const db = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const spoolDir = db.engine === 'pglite' ? path.join(config.dataDir, 'tmp') : undefined;
  const sessionSecret = config.sessionSecret ?? sessionSecretFor(config.dataDir);
  try {
    await db.ready;
    if (spoolDir) await clearSpoolDir(spoolDir);
    if (!options.prepared) await prepare(db.knex, config, sessionSecret);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  // The job queue delivering the outbox starts with the server and stops in its shutdown.
  const outbox = new Outbox(db, {
    mail: { smtpUrl: config.smtpUrl, from: config.mailFrom, publicBaseUrl: config.publicBaseUrl },
    logger,
  });
  try {
    await outbox.start();
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  if (!config.smtpUrl && !options.prepared)
    console.log('SMTP_URL is not set: messages are held in the outbox (送信保留) for sending by hand.');
  const app = buildApp(db, {
    outbox,
    sessionSecret,
    sessionHours: config.sessionHours,
    sessionMaxDays: config.sessionMaxDays,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    staticDir: CONSOLE_DIR,
    exportSpoolDir: spoolDir,
    logger,
  });

  let stopping = false;
  let running = 0;
  let idle: (() => void) | undefined;
  const server = createServer((req, res) => {
    if (stopping) return refuse(req, res);
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
  console.log(
    `Spot Otonari back-office on http://localhost:${port} (database: ${db.engine}${cluster.isWorker ? `, process ${process.pid}` : ''})`,
  );

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
      if (!finished)
        console.error(`Requests still running after ${config.shutdownGraceSeconds} s (SHUTDOWN_GRACE_SECONDS): cutting them off.`);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await outbox.stop().catch((err: unknown) => logger.error({ err }, 'the job queue did not stop cleanly'));
      await db.close();
      return finished;
    })());
  return { server, stop, knex: db.knex };
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
  const logger = createLogger({ level: config.logLevel });
  // Node's default would print the raw error, with whatever values it quotes, on stderr.
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.on(event, (err: unknown) => {
      logger.fatal({ err }, `${event}: stopping`);
      process.exit(1);
    });
  }
  // Listening for the signals before start-up: one that arrives while the port opens still
  // ends the server cleanly (after start-up) instead of killing it mid-way.
  let started: Started | undefined;
  let stopSignal: NodeJS.Signals | undefined;
  const stopNow = (server: Started, signal: NodeJS.Signals) => {
    console.log(`${signal}: no new requests; letting running ones finish (at most ${config.shutdownGraceSeconds} s), then stopping.`);
    // Should closing the database itself hang, do not wait forever.
    setTimeout(() => process.exit(1), (config.shutdownGraceSeconds + 15) * 1000).unref();
    server.stop().then(
      (finished) => process.exit(finished ? 0 : 1),
      (err: unknown) => {
        logger.error({ err }, 'the server did not stop cleanly');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (started) stopNow(started, signal);
      else stopSignal = signal;
    });
  }
  if (config.processes > 1 && cluster.isPrimary) {
    await runPrimary(config, logger, () => stopSignal);
    return;
  }
  try {
    started = await start(config, logger, { prepared: cluster.isWorker });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(3);
    }
    throw err;
  }
  if (stopSignal) stopNow(started, stopSignal);
}

/**
 * WEB_CONCURRENCY > 1 (PostgreSQL only): this process migrates and seeds once, then runs that
 * many server processes sharing the port — one event loop each, as Node uses one core per
 * process. A worker that dies is replaced; one that dies before it listens stops them all
 * (a configuration or database fault would only repeat). A signal is passed on to every worker,
 * each of which finishes its requests as a single server would; this process ends with them.
 */
async function runPrimary(config: Config, logger: Logger, signalled: () => NodeJS.Signals | undefined): Promise<void> {
  const db = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  try {
    await db.ready;
    await prepare(db.knex, config, config.sessionSecret ?? sessionSecretFor(config.dataDir));
  } finally {
    await db.close();
  }
  if (signalled()) process.exit(0);
  let stopping = false;
  let failed = false;
  const listening = new Set<number>();
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.removeAllListeners('SIGTERM').removeAllListeners('SIGINT');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAll(signal));
  let cameUp = false;
  cluster.on('listening', (worker) => {
    listening.add(worker.id);
    cameUp = true;
  });
  cluster.on('exit', (worker, code, signal) => {
    // Once the server has come up, a worker that dies is replaced even if its own 'listening'
    // message had not arrived yet: only a failure before any process listens stops them all.
    const wasListening = listening.delete(worker.id) || cameUp;
    if (code !== 0) failed = true;
    if (!stopping) {
      if (wasListening) {
        logger.error({ pid: worker.process.pid, code, signal }, 'a server process ended; starting another');
        failed = false;
        cluster.fork();
        return;
      }
      logger.fatal({ pid: worker.process.pid, code, signal }, 'a server process ended before it listened: stopping');
      stopAll('SIGTERM');
    }
    if (!Object.keys(cluster.workers ?? {}).length) process.exit(failed ? 1 : 0);
  });
  console.log(`Starting ${config.processes} server processes (WEB_CONCURRENCY) on port ${config.port}.`);
  for (let i = 0; i < config.processes; i++) cluster.fork();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    // Through serializeError like every other error: a failed migration or seed can quote rows.
    createLogger().fatal({ err }, 'the server could not start or stopped on an error');
    process.exit(1);
  });
}
