import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

const valid = {
  lang: 'en',
  name: 'Anna Petrenko',
  phone: '080-4444-5555',
  email: '',
  contact_language: 'uk',
  municipality_code: '131105',
  category: 'medical',
  task_type: 'hospital',
  mode: 'in_person',
  preferred_slots: [{ start_at: '2026-03-07T10:00:00+09:00', end_at: '2026-03-07T12:00:00+09:00' }],
  description: 'I need help explaining symptoms at a clinic.',
  consent: true,
  website: '',
};
let ip = 0;
/** Behind a proxy, as in production; each post comes from its own address unless one is given. */
const behindProxy = () => buildApp(t.db, { sessionSecret: 'x'.repeat(40), trustProxy: true, log: (e) => t.errors.push(e) });
const post = (body: object, from = `10.0.0.${++ip}`) =>
  request(behindProxy()).post('/api/public/requests').set('X-Forwarded-For', from).send(body);

describe('public request form', () => {
  it('creates a received web_form request with no client and answers only the reference', async () => {
    const res = await post(valid);
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['reference']);
    expect(res.body.reference).toMatch(/^R-\d{4}-\d{5}$/);
    expect(res.headers['set-cookie']).toBeUndefined();
    const row = await t.db.knex('support_requests').where('request_no', res.body.reference).first();
    expect(row).toMatchObject({ status: 'received', channel: 'web_form', client_id: null, language: 'uk', municipality_code: '131105' });
    expect(row.intake).toMatchObject({ name: 'Anna Petrenko', phone: '080-4444-5555', preferred_slots: valid.preferred_slots });
    expect(row.intake).not.toHaveProperty('website');
    const events = await t.db.knex('request_events').where('request_id', row.id);
    expect(events).toHaveLength(1);
    // Coordinators find it by the resident's name in their inbox.
    const coordinator = await t.as('coordinator');
    const inbox = await coordinator
      .get('/api/support-requests')
      .query({ filter: JSON.stringify({ channel: 'web_form', status: 'received', q: 'petrenko' }) });
    expect(inbox.body.map((r: { request_no: string }) => r.request_no)).toContain(res.body.reference);
  });

  it('answers field messages in the form language and writes nothing', async () => {
    const before = Number((await t.db.knex('support_requests').count({ n: '*' }))[0]!.n);
    const ja = await post({ ...valid, lang: 'ja', phone: '', email: '', consent: false });
    expect(ja.status).toBe(400);
    expect(ja.body.errors.phone).toMatch(/電話番号かメールアドレス/);
    expect(ja.body.errors.consent).toMatch(/同意/);
    const en = await post({ ...valid, preferred_slots: [{ start_at: '2026-03-08T10:00:00+09:00', end_at: '2026-03-08T11:00:00+09:00' }] });
    expect(en.status).toBe(400);
    expect(en.body.errors['preferred_slots.0']).toMatch(/service hours/);
    expect(
      (
        await post({
          ...valid,
          preferred_slots: [...valid.preferred_slots, ...valid.preferred_slots, ...valid.preferred_slots, ...valid.preferred_slots],
        })
      ).status,
    ).toBe(400);
    expect((await post({ ...valid, website: 'http://spam.example' })).status).toBe(400);
    expect((await post({ ...valid, municipality_code: '133621' })).body.errors.municipality_code).toMatch(/do not serve/);
    expect((await post({ ...valid, extra: 'x' })).status).toBe(400);
    expect(Number((await t.db.knex('support_requests').count({ n: '*' }))[0]!.n)).toBe(before);
  });

  it('limits posts per IP address with 429', async () => {
    const from = '10.9.9.9';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post({ ...valid, name: `Spam ${i}` }, from)).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
