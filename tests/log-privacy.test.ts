import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import type { Db } from '../server/db/index.js';
import { createTestDb } from './helpers/db.js';
import { captureLog, captureOutput } from './helpers/log.js';

/**
 * A 500 whose database error quotes the resident: the trigger's message holds the description,
 * its DETAIL the whole intake, and the driver keeps the bound values beside the SQL. Neither
 * the log nor anything else the process prints may repeat them.
 */
const PLANTED = {
  name: 'Planted Yamadaname',
  phone: '090-7311-4422',
  email: 'planted.mail@privacy.example',
  description: 'planted diagnosis: tuberculosis',
};
const FORM = {
  lang: 'en',
  ...PLANTED,
  contact_language: 'uk',
  municipality_code: '131105',
  category: 'medical',
  task_type: 'hospital',
  mode: 'in_person',
  ofp_member_no: 'OFP-1',
  consent: true,
};

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await db.knex.raw(`
    create function planted_fault() returns trigger language plpgsql as $$
    begin raise exception 'fault for %', new.description using detail = new.intake::text, hint = new.search_text; end $$`);
  await db.knex.raw('create trigger planted_fault before insert on support_requests for each row execute function planted_fault()');
});
afterAll(() => db?.close());

describe('a 500 on the residents form', () => {
  it('is logged with the error and the request id, and with none of the planted personal data', async () => {
    const log = captureLog();
    const serverErrors: unknown[] = [];
    const app = buildApp(db, { sessionSecret: 'x'.repeat(40), logger: log.logger, log: (err) => serverErrors.push(err) });
    let res!: request.Response;
    const elsewhere = await captureOutput(async () => {
      res = await request(app).post('/api/public/requests').send(FORM);
    });
    expect(res.status).toBe(500);
    expect(serverErrors).toHaveLength(1); // the fault really happened in the database
    expect(await db.knex('support_requests').count({ n: '*' })).toEqual([{ n: 0 }]);

    const [line, ...others] = log.lines();
    expect(others).toEqual([]);
    expect(line).toMatchObject({
      level: 'error',
      request_id: res.body.request_id,
      method: 'POST',
      route: '/api/public/requests',
      status: 500,
      staff_id: null,
      error_code: 'internal',
      err: { name: 'error', code: 'P0001', routine: 'exec_stmt_raise' },
    });
    expect(line!.err).not.toHaveProperty('message');
    expect(String((line!.err as { stack: string }).stack)).toMatch(/^error\n\s+at /);

    for (const value of Object.values(PLANTED)) {
      expect(log.text()).not.toContain(value);
      expect(elsewhere).not.toContain(value);
      expect(JSON.stringify(res.body)).not.toContain(value);
    }
    // The phone's digits in any spelling (a bare 090 can occur in a random hex request id).
    expect(log.text()).not.toMatch(/insert into|tuberculosis|090\D?7311|Yamadaname/i);
  });

  it('never sends a stack or SQL to the client, and quotes the request id in the message', async () => {
    const app = buildApp(db, { sessionSecret: 'x'.repeat(40), logger: captureLog().logger });
    const res = await request(app).post('/api/public/requests').set('X-Request-Id', '3f2a9c1e-7b4d-4e8a-9f00-12ab34cd56ef').send(FORM);
    expect(res.status).toBe(500);
    expect(res.headers['x-request-id']).toBe('3f2a9c1e-7b4d-4e8a-9f00-12ab34cd56ef');
    expect(res.body).toEqual({
      error: 'internal',
      message_code: 'internal',
      message: 'サーバーで問題が発生しました。時間をおいてもう一度お試しください。（問い合わせ番号: 3f2a9c1e-7b4d-4e8a-9f00-12ab34cd56ef）',
      request_id: '3f2a9c1e-7b4d-4e8a-9f00-12ab34cd56ef',
    });
  });
});
