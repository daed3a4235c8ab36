import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/index.js';
import { queueMessage } from '../server/messages/store.js';
import { type ChildServer, spawnServer } from './helpers/child-server.js';
import { createTestDb } from './helpers/db.js';
import { databaseUrl } from './helpers/pg-url.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const COUNT = 200;

// Needs real concurrency: PostgreSQL only (PGlite is one process's single connection).
describe.skipIf(!process.env.TEST_DATABASE_URL)('two server processes on one database', () => {
  let db: Db;
  let smtp: TestSmtp;
  const servers: ChildServer[] = [];
  beforeAll(async () => {
    db = await createTestDb();
    smtp = await startSmtp();
  });
  afterAll(async () => {
    for (const s of servers) s.proc.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exit));
    await smtp?.close();
    await db?.close();
  });

  it(`deliver ${COUNT} queued messages, none twice and none lost`, async () => {
    await db.knex.transaction(async (trx) => {
      for (let i = 0; i < COUNT; i++) {
        await queueMessage(trx, {
          kind: 'offer',
          address: `v${i}@volunteers.example`,
          language: 'ja',
          subject: `【スポットおとなりさん】テスト ${i}`,
          body: `本文 ${i}`,
        });
      }
    });
    const current = await db.knex.raw<{ rows: { name: string }[] }>('select current_database() as name');
    const url = databaseUrl(process.env.TEST_DATABASE_URL!, current.rows[0]!.name);
    const env = {
      DATABASE_URL: url,
      SESSION_SECRET: 's'.repeat(40),
      SMTP_URL: smtp.url,
      MAIL_FROM: 'スポットおとなりさん <office@otonari.example>',
      PUBLIC_BASE_URL: 'https://office.otonari.example',
      LOG_LEVEL: 'warn',
    };
    servers.push(spawnServer(env), spawnServer(env));
    await Promise.all(servers.map((s) => s.listening));
    for (;;) {
      const [counted] = await db.knex('messages').whereNot('status', 'sent').count({ n: '*' });
      if (Number(counted?.n) === 0) break;
      await sleep(200);
    }
    await sleep(1500); // anything sent twice would arrive now
    const ids = smtp.mails.map((m) => m.messageId);
    expect(smtp.mails).toHaveLength(COUNT);
    expect(new Set(ids).size).toBe(COUNT);
    const addresses = new Set(smtp.mails.map((m) => (m.to as { text: string }).text));
    expect(addresses.size).toBe(COUNT);
    const rows = await db.knex('messages').select('attempts', 'status');
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  }, 180_000);
});
