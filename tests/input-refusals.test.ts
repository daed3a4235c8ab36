import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { toAppError } from '../server/http/error-handler.js';
import { useTestApp } from './helpers/app.js';
import { createActivityReportFixture } from './helpers/input-fixtures.js';
import { createClient, createPartner, createRequest, createStaff } from './helpers/factories.js';
import { changedTables, tableChecksums } from './helpers/snapshot.js';

const t = useTestApp();

const CONTROL_MESSAGE = /使用できない制御文字/;

/** Sends the request and checks it was refused with a 400 in Japanese, leaving every table as it was. */
async function refusedWithoutWrites(send: () => Promise<request.Response>, message: RegExp = CONTROL_MESSAGE) {
  const before = await tableChecksums(t.db.knex);
  const res = await send();
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error).toBe('validation');
  expect(JSON.stringify(res.body)).toMatch(message);
  expect(changedTables(before, await tableChecksums(t.db.knex))).toEqual([]);
  return res;
}

describe('control characters in text are refused with 400, never reach the database', () => {
  it('in the text fields of every kind of record, on create and on edit', async () => {
    const admin = await t.as('admin');
    const partner = await createPartner(t.db.knex);
    const client = await createClient(t.db.knex);
    const request_ = await createRequest(t.db.knex, { client_id: client.id, status: 'received' });
    await refusedWithoutWrites(() => admin.post('/api/partners').send({ name: 'NUL\u0000団体' }));
    await refusedWithoutWrites(() => admin.post('/api/partners').send({ name: '団体', notes: 'a\u0000b' }));
    await refusedWithoutWrites(() => admin.put(`/api/partners/${partner.id}`).send({ version: partner.version, contact_name: '\u0000' }));
    await refusedWithoutWrites(() => admin.post('/api/clients').send({ name: '利用者', name_kana: 'リヨウ\u0000シャ', languages: ['en'] }));
    await refusedWithoutWrites(() => admin.post('/api/clients').send({ name: '利用者', languages: ['en'], address: '目黒区\u0007' }));
    await refusedWithoutWrites(() => admin.post('/api/volunteers').send({ name: 'V\u001b[31m', languages: ['ja'] }));
    await refusedWithoutWrites(() =>
      admin.post('/api/support-requests').send({ channel: 'phone', category: 'medical', task_type: 'hospital', place: '\u0000' }),
    );
    await refusedWithoutWrites(() => admin.post('/api/request-events').send({ request_id: request_.id, kind: 'note', body: 'メモ\u0000' }));
    await refusedWithoutWrites(() =>
      admin
        .post('/api/staff')
        .send({ email: 'new@test.example', display_name: 'X\u0000', role: 'coordinator', password: 'long-enough-password' }),
    );
    await refusedWithoutWrites(() =>
      admin.post(`/api/support-requests/${request_.id}/status`).send({ status: 'cancelled', reason: '理由\u0000' }),
    );
    const c2 = await createClient(t.db.knex);
    await refusedWithoutWrites(() => admin.post(`/api/clients/${c2.id}/anonymise`).send({ version: 1, reason: '\u0000削除依頼' }));
  });

  it('in a follow-up note', async () => {
    const admin = await t.as('admin');
    const report = await createActivityReportFixture(t.db.knex, { follow_up_needed: true });
    await refusedWithoutWrites(() => admin.post(`/api/activity-reports/${report.id}/follow-up/handled`).send({ note: '対応\u0000済み' }));
  });

  it('refuses DEL and C1 controls, and broken UTF-16 (a lone surrogate), but keeps tabs and line breaks in notes', async () => {
    const admin = await t.as('admin');
    await refusedWithoutWrites(() => admin.post('/api/partners').send({ name: '団体\u007f' }));
    await refusedWithoutWrites(() => admin.post('/api/partners').send({ name: '団体\u0085' }));
    await refusedWithoutWrites(() => admin.post('/api/partners').send({ name: '団体\ud800' }), /文字/);
    // A carriage return belongs in multi-line text only.
    await refusedWithoutWrites(() => admin.post('/api/partners').send({ name: '団体\r名' }));
    const ok = await admin.post('/api/partners').send({ name: 'タブ\tのある団体', notes: '1 行目\r\n2 行目\n\t字下げ' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const row = await t.db.knex('partners').where('id', ok.body.id).first();
    expect(row.notes).toBe('1 行目\r\n2 行目\n\t字下げ');
    // A character outside the Basic Multilingual Plane is a proper surrogate pair, and welcome.
    const emoji = await admin.post('/api/partners').send({ name: '𠮷野家 😀' });
    expect(emoji.status).toBe(201);
  });

  it('in list filters and searches, of every list', async () => {
    const admin = await t.as('admin');
    const lists = [
      ['partners', { q: 'a\u0000' }],
      ['partners', { name: '\u0000' }],
      ['clients', { q: '\u0000' }],
      ['clients', { languages: ['en', '\u0000'] }],
      ['clients', { client_no: 'C-\u0000' }],
      ['volunteers', { municipality_code: '\u0000' }],
      ['support-requests', { q: 'R-\u0000' }],
      ['support-requests', { language: '\u0000' }],
      ['municipalities', { q: '目黒\u0000' }],
      ['staff', { email: '\u0000' }],
      ['audit-log', { resource: '\u0000' }],
    ] as const;
    for (const [list, filter] of lists) {
      const res = await admin.get(`/api/${list}`).query({ filter: JSON.stringify(filter) });
      expect(res.status, `${list} ${JSON.stringify(filter)} → ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.message).toMatch(CONTROL_MESSAGE);
    }
  });

  it("in a CSV export's filter, before anything is written to the audit log", async () => {
    const admin = await t.as('admin');
    await refusedWithoutWrites(() => admin.get('/api/exports/partners.csv').query({ filter: JSON.stringify({ q: '\u0000' }) }));
    // Any refused filter value: the export is not audited when it does not happen.
    await refusedWithoutWrites(() => admin.get('/api/exports/partners.csv').query({ filter: JSON.stringify({ id: 'abc' }) }), /id/);
  });

  it('in the duplicate check', async () => {
    const admin = await t.as('admin');
    for (const query of [
      { phone: '090\u00001234' },
      { email: 'a\u0000@b.example' },
      { name: '\u0000', name_kana: 'ア' },
      { name: '山田', name_kana: 'ヤマダ\u0000' },
    ]) {
      const res = await admin.get('/api/clients/duplicates').query(query);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.message).toMatch(CONTROL_MESSAGE);
      expect((await admin.get('/api/volunteers/duplicates').query(query)).status).toBe(400);
    }
  });

  it('at login', async () => {
    const staff = await createStaff(t.db.knex);
    await refusedWithoutWrites(() =>
      request(t.app)
        .post('/api/auth/login')
        .send({ email: `${staff.email}\u0000`, password: 'whatever-it-is' }),
    );
    await refusedWithoutWrites(() => request(t.app).post('/api/auth/login').send({ email: '\u0000', password: 'whatever-it-is' }));
  });

  it("in the residents' public form, in the form's language", async () => {
    const app = buildApp(t.db, { sessionSecret: 'x'.repeat(40), trustProxy: true, log: (e) => t.errors.push(e) });
    const valid = {
      lang: 'ja',
      name: 'Anna Petrenko',
      phone: '080-4444-5555',
      contact_language: 'uk',
      municipality_code: '131105',
      category: 'medical',
      task_type: 'hospital',
      mode: 'in_person',
      ofp_member_no: 'OFP-1',
      consent: true,
    };
    let ip = 0;
    const post = (body: object) => request(app).post('/api/public/requests').set('X-Forwarded-For', `10.9.0.${++ip}`).send(body);
    const ja = await refusedWithoutWrites(() => post({ ...valid, name: 'Anna\u0000' }));
    expect(ja.body.errors.name).toMatch(CONTROL_MESSAGE);
    const en = await refusedWithoutWrites(() => post({ ...valid, lang: 'en', description: 'help\u0000' }), /control character/);
    expect(en.body.errors.description).toMatch(/control character/);
    await refusedWithoutWrites(() => post({ ...valid, sensitive_info: '\u0000', sensitive_consent: true }));
    await refusedWithoutWrites(() => post({ ...valid, ofp_member_no: '\u0000' }));
    const fine = await post({ ...valid, description: '1 行目\r\n2 行目' });
    expect(fine.status).toBe(201);
  });

  it('a database refusal of such a character is a 400 as a last defence, not a 500', () => {
    for (const code of ['22021', '22P05']) {
      const error = toAppError(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code }));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(CONTROL_MESSAGE);
    }
  });
});

describe('names inherited by every JavaScript object are unknown keys, not a 500', () => {
  const INHERITED = [
    'constructor',
    'toString',
    '__proto__',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    'constructor_gte',
    'toString_lt',
  ];
  const LISTS = [
    'partners',
    'clients',
    'volunteers',
    'id-checks',
    'support-requests',
    'request-events',
    'assignments',
    'activity-reports',
    'expenses',
    'staff',
    'municipalities',
    'audit-log',
  ];

  it('as filter keys of every list, naming the key', async () => {
    const admin = await t.as('admin');
    for (const list of LISTS) {
      for (const key of INHERITED) {
        const filter = `{${JSON.stringify(key)}:1}`;
        const res = await admin.get(`/api/${list}`).query({ filter });
        expect(res.status, `${list} ${filter} → ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.body.message).toContain(key);
        expect(res.body.errors).toHaveProperty([key]);
      }
    }
  });

  it('as a sort field', async () => {
    const admin = await t.as('admin');
    for (const key of INHERITED) {
      const res = await admin.get('/api/municipalities').query({ sort: JSON.stringify([key, 'ASC']) });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(key);
    }
  });

  it('as filter keys of a CSV export, with nothing audited', async () => {
    const admin = await t.as('admin');
    for (const key of INHERITED) {
      await refusedWithoutWrites(
        () => admin.get('/api/exports/clients.csv').query({ filter: `{${JSON.stringify(key)}:1}` }),
        new RegExp(key.replace(/_/g, '_')),
      );
    }
  });

  it('as field names of a body, a setting or a query parameter', async () => {
    const admin = await t.as('admin');
    for (const key of INHERITED) {
      const body = JSON.parse(`{"name":"団体",${JSON.stringify(key)}:1}`);
      const created = await refusedWithoutWrites(
        () => admin.post('/api/partners').set('Content-Type', 'application/json').send(JSON.stringify(body)),
        new RegExp(key),
      );
      expect(created.body.errors).toHaveProperty([key]);
      const settings = await refusedWithoutWrites(
        () =>
          admin
            .put('/api/settings')
            .set('Content-Type', 'application/json')
            .send(`{${JSON.stringify(key)}:1}`),
        new RegExp(key),
      );
      expect(settings.body.errors).toHaveProperty([key]);
      const query = await admin.get('/api/clients/duplicates').query(`${encodeURIComponent(key)}=1`);
      expect(query.status).toBe(400);
      expect(query.body.errors).toHaveProperty([key]);
    }
  });
});

describe("the Origin of a write must match the request's scheme as well as its host", () => {
  it('refuses https://host on an http server and http://host on an https one', async () => {
    const agent = await t.as('coordinator');
    const before = await tableChecksums(t.db.knex);
    const https = await agent
      .post('/api/partners')
      .set('Host', 'otonari.example')
      .set('Origin', 'https://otonari.example')
      .send({ name: 'スキーム違い' });
    expect(https.status).toBe(403);
    expect(changedTables(before, await tableChecksums(t.db.knex))).toEqual([]);
    const proxied = buildApp(t.db, { sessionSecret: 'test-secret-'.padEnd(48, 'x'), trustProxy: true, log: (e) => t.errors.push(e) });
    const behindTls = await request(proxied)
      .post('/api/partners')
      .set('Host', 'otonari.example')
      .set('X-Forwarded-Proto', 'https')
      .set('Origin', 'http://otonari.example')
      .send({ name: 'スキーム違い' });
    expect(behindTls.status).toBe(403);
    const same = await agent
      .post('/api/partners')
      .set('Host', 'otonari.example')
      .set('Origin', 'http://otonari.example')
      .send({ name: '同じ origin' });
    expect(same.status).toBe(201);
    const withPort = await agent
      .post('/api/partners')
      .set('Host', 'otonari.example:8080')
      .set('Origin', 'http://otonari.example:8080')
      .send({ name: 'ポート付き' });
    expect(withPort.status).toBe(201);
    const otherPort = await agent
      .post('/api/partners')
      .set('Host', 'otonari.example:8080')
      .set('Origin', 'http://otonari.example:9090')
      .send({ name: '別ポート' });
    expect(otherPort.status).toBe(403);
  });
});
