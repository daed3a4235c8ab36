import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { knexForPostgres } from '../server/db/index.js';
import { start } from '../server/index.js';
import { createTestDb } from './helpers/db.js';
import { adminUrl, databaseUrl } from './helpers/pg-url.js';
import { totpCode } from './helpers/totp.js';

const ADMIN = { ADMIN_EMAIL: 'first.admin@npo.example', ADMIN_PASSWORD: 'a-long-first-password' };

async function loginAndCount(url: string) {
  const agent = request.agent(url);
  const login = await agent.post('/api/auth/login').send({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD });
  expect(login.status).toBe(200);
  // An admin must have TOTP: the first login goes through enrolment before the session.
  expect(login.body).toMatchObject({ second_factor: 'totp_enrolment' });
  expect((await agent.get('/api/clients')).status).toBe(401);
  const enrolment = await agent.post('/api/auth/totp/enrolment').send({});
  expect(enrolment.status).toBe(201);
  const confirmed = await agent.post('/api/auth/totp/enrolment/confirm').send({ code: await totpCode(enrolment.body.secret) });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body.staff.role).toBe('admin');
  expect(confirmed.body.recovery_codes).toHaveLength(10);
  const clients = await agent.get('/api/clients');
  expect(clients.headers['content-range']).toBe('clients */0');
  const staff = await agent.get('/api/staff');
  expect(staff.body.map((s: { email: string }) => s.email)).toEqual([ADMIN.ADMIN_EMAIL]);
  const municipalities = await agent.get('/api/municipalities').query({ range: '[0,0]' });
  expect(Number(String(municipalities.headers['content-range']).split('/')[1])).toBeGreaterThan(62);
}

describe('start-up', () => {
  // A whole start on a fresh embedded database (every migration on disk) plus the admin's first
  // login with TOTP enrolment can take more than the default 30 s on a loaded machine.
  it('gives a working empty system with ADMIN_EMAIL/ADMIN_PASSWORD and no demo data (embedded)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'spot-start-'));
    const { server, stop } = await start(loadConfig({ PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'false', ...ADMIN }));
    try {
      await loginAndCount(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Creating a database in an empty DATA_DIR takes well over 30 s on a busy 2-core machine.
  }, 120_000);

  it.runIf(!!process.env.TEST_DATABASE_URL)('gives a working empty system on PostgreSQL with SEED_DEMO=false', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `spot_start_${randomBytes(4).toString('hex')}`;
    const admin = knexForPostgres(adminUrl(url), 1);
    await admin.raw(`create database ${name}`);
    try {
      const config = loadConfig({
        PORT: '0',
        DATABASE_URL: databaseUrl(url, name),
        SESSION_SECRET: 's'.repeat(40),
        SEED_DEMO: 'false',
        ...ADMIN,
      });
      const { server, stop } = await start(config);
      try {
        await loginAndCount(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      } finally {
        await stop();
      }
    } finally {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    }
  });

  it('stops with a clear message and exit code 2 on bad configuration', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: 'mysql://nope' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/DATABASE_URL/);
  });

  it('answers 503 from /api/health when the database is unreachable', async () => {
    const db = await createTestDb();
    const app = buildApp(db, { sessionSecret: 'x'.repeat(40), log: () => {} });
    expect((await request(app).get('/api/health')).status).toBe(200);
    await db.close();
    const res = await request(app).get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: 'unavailable', message: expect.any(String), status: 'unavailable', database: db.engine });
  });
});
