import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { Outbox } from '../../server/messages/outbox.js';
import type { Db } from '../../server/db/index.js';
import type { Role } from '../../server/domain/enums.js';
import { createTestDb, type TestDb } from './db.js';
import { createStaff, TEST_PASSWORD } from './factories.js';
import { captureLog } from './log.js';
import { enrolStaff, signIn, TEST_SESSION_SECRET } from './totp.js';

export type TestContext = {
  db: TestDb;
  app: Express;
  /** A supertest agent signed in as a new staff member of that role (admins with TOTP, TEST_TOTP_SECRET). */
  as: (role: Role) => Promise<ReturnType<typeof request.agent>>;
  errors: unknown[];
  /** Every line the app logged during the file. */
  log: ReturnType<typeof captureLog>;
  /** The started outbox, when the file asked for one. */
  outbox?: Outbox;
};

export type TestAppOptions = {
  /** Builds and starts the outbox (the real job queue) on the file's database. */
  outbox?: (db: Db) => Promise<Outbox>;
  /** The clock of links and TOTP (tests that move time). */
  now?: () => Date;
};

/** Per test file: a fresh database and the real app on it; closed after the file. */
export function useTestApp(options: TestAppOptions = {}): TestContext {
  const ctx = { errors: [] as unknown[], log: captureLog() } as TestContext;
  const agents = new Map<Role, ReturnType<typeof request.agent>>();
  beforeAll(async () => {
    ctx.db = await createTestDb();
    ctx.outbox = await options.outbox?.(ctx.db);
    ctx.app = buildApp(ctx.db, {
      sessionSecret: TEST_SESSION_SECRET,
      logger: ctx.log.logger,
      log: (err) => ctx.errors.push(err),
      outbox: ctx.outbox,
      now: options.now,
    });
  });
  afterAll(async () => {
    await ctx.outbox?.stop();
    await ctx.db?.close();
    // A 500 anywhere in the file is a bug even when the test looked only at the status.
    if (ctx.errors.length) throw new Error(`server errors during tests: ${ctx.errors.map(String).join('; ')}`);
  });
  ctx.as = async (role) => {
    const cached = agents.get(role);
    if (cached) return cached;
    const staff = await createStaff(ctx.db.knex, { role });
    // Admins must sign in with a second factor.
    if (role === 'admin') await enrolStaff(ctx.db, staff.id);
    const agent = request.agent(ctx.app);
    await signIn(agent, staff.email, TEST_PASSWORD);
    agents.set(role, agent);
    return agent;
  };
  return ctx;
}
