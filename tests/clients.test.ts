import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

const base = { name: 'Olena Kovalenko', name_kana: 'オレナ・コヴァレンコ', languages: ['uk', 'ru'], nationality: 'UA' };
const count = async (table: string) => Number((await t.db.knex(table).count({ n: '*' }))[0]!.n);

describe('clients', () => {
  it('creates a client with a readable number, and the audit entry', async () => {
    const agent = await t.as('coordinator');
    const res = await agent
      .post('/api/clients')
      .send({ ...base, phone: '080-1234-5678', municipality_code: '131105', client_no: 'C-99999' });
    expect(res.status).toBe(201);
    expect(res.body.client_no).toMatch(/^C-\d{5}$/);
    expect(res.body.client_no).not.toBe('C-99999');
    expect(res.body).toMatchObject({ languages: ['uk', 'ru'], nationality: 'UA', eligibility: 'general' });
    expect(
      await t.db
        .knex('audit_log')
        .where({ resource: 'clients', record_id: String(res.body.id) })
        .first(),
    ).toBeTruthy();
  });

  it('validates nationality, languages and municipality with field errors and writes nothing', async () => {
    const agent = await t.as('coordinator');
    const before = await count('clients');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, nationality: 'ZZ' }, 'nationality'],
      [{ ...base, languages: [] }, 'languages'],
      [{ ...base, languages: ['klingon'] }, 'languages.0'],
      [{ ...base, municipality_code: '999999' }, 'municipality_code'],
      [{ ...base, japanese_level: 'native' }, 'japanese_level'],
      [{ ...base, eligibility: 'ofp_member' }, 'ofp_member_no'],
      [{ ...base, eligibility: 'partner_referral' }, 'partner_id'],
      [{ ...base, partner_id: 999999 }, 'partner_id'],
      [{ ...base, name: '  ' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await agent.post('/api/clients').send(body);
      expect(res.status, field).toBe(400);
      expect(res.body.errors, field).toHaveProperty(field);
    }
    expect(await count('clients')).toBe(before);
  });

  it('refuses a consent time in the future (an AM/PM slip) and writes nothing', async () => {
    const agent = await t.as('coordinator');
    const before = await count('clients');
    const later = new Date(Date.now() + 12 * 3_600_000).toISOString();
    const res = await agent.post('/api/clients').send({ ...base, consent_at: later });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('consent_at');
    expect(await count('clients')).toBe(before);
    const now = await agent.post('/api/clients').send({ ...base, consent_at: new Date().toISOString() });
    expect(now.status).toBe(201);
  });

  it('refuses special-care notes without consent, and shows them only to admin and coordinator', async () => {
    const agent = await t.as('coordinator');
    const refused = await agent.post('/api/clients').send({ ...base, special_care_notes: '妊娠中・通院あり' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toHaveProperty('special_care_notes');
    // The consent to use the data is not enough: sensitive information needs its own.
    const withUseConsent = await agent
      .post('/api/clients')
      .send({ ...base, special_care_notes: '妊娠中・通院あり', consent_at: '2026-04-01T10:00:00+09:00' });
    expect(withUseConsent.status).toBe(400);
    const plain = await agent.post('/api/clients').send({ ...base, consent_at: '2026-04-01T10:00:00+09:00' });
    expect(plain.status).toBe(201);
    const consented = await agent
      .post(`/api/clients/${plain.body.id}/consents`)
      .send({ kind: 'sensitive', method: 'phone', language: 'uk' });
    expect(consented.status).toBe(201);
    const created = await agent
      .put(`/api/clients/${plain.body.id}`)
      .send({ version: consented.body.version, special_care_notes: '妊娠中・通院あり' });
    expect(created.status).toBe(200);
    expect(created.body.special_care_notes).toBe('妊娠中・通院あり');
    for (const role of ['secretariat', 'volunteer_staff'] as const) {
      const other = await t.as(role);
      const one = await other.get(`/api/clients/${created.body.id}`);
      expect(one.status).toBe(200);
      expect(one.body).not.toHaveProperty('special_care_notes');
      const list = await other.get('/api/clients').query({ range: '[0,499]' });
      expect(JSON.stringify(list.body)).not.toContain('妊娠中');
    }
    const admin = await t.as('admin');
    expect((await admin.get(`/api/clients/${created.body.id}`)).body.special_care_notes).toBe('妊娠中・通院あり');
    // Reading it is audited for those who may see it; nothing is recorded for those who cannot.
    const views = await t.db
      .knex('audit_log')
      .where({ resource: 'clients', action: 'view', record_id: String(created.body.id) })
      .orderBy('id');
    // Every single-record read is audited by the field groups received; special care only where it was read.
    expect(views.map((v) => v.changed_fields)).toEqual([['basic'], ['basic'], ['basic', 'contact', 'casework', 'special_care_notes']]);
    // The consent is not an editable field: it changes only through the consent records.
    const current = (await agent.get(`/api/clients/${created.body.id}`)).body;
    const clear = await agent.put(`/api/clients/${created.body.id}`).send({ version: current.version, sensitive_consent_at: null });
    expect(clear.status).toBe(200);
    expect(clear.body.sensitive_consent_at).not.toBeNull();
    expect(clear.body.special_care_notes).toBe('妊娠中・通院あり');
  });

  it('finds clients with q across widths, kana, case, numbers and phone punctuation', async () => {
    const agent = await t.as('coordinator');
    const c = (
      await agent
        .post('/api/clients')
        .send({ ...base, name: 'Nguyen Van An', name_kana: 'グエン・ヴァン・アン', phone: '080-1234-5678', email: 'An.Nguyen@Example.com' })
    ).body;
    const queries = [
      'ｸﾞｴﾝ',
      'ぐえん',
      'NGUYEN',
      'ｎｇｕｙｅｎ',
      '０８０１２３４５６７８',
      '080 1234 5678',
      c.client_no,
      c.client_no.toLowerCase(),
      'an.nguyen@example',
      'ヴァン',
    ];
    for (const q of queries) {
      const res = await agent.get('/api/clients').query({ filter: JSON.stringify({ q }) });
      expect(
        res.body.map((r: { id: number }) => r.id),
        q,
      ).toContain(c.id);
    }
  });

  it('finds コヴァレンコ by half-width ｺｳﾞｧﾚﾝｺ', async () => {
    const agent = await t.as('coordinator');
    const c = (await agent.post('/api/clients').send({ ...base, name_kana: 'コヴァレンコ' })).body;
    const res = await agent.get('/api/clients').query({ filter: JSON.stringify({ q: 'ｺｳﾞｧﾚﾝｺ' }) });
    expect(res.body.map((r: { id: number }) => r.id)).toContain(c.id);
  });

  it('filters by language membership and municipality', async () => {
    const agent = await t.as('coordinator');
    const c = (await agent.post('/api/clients').send({ ...base, languages: ['ne'], municipality_code: '131121' })).body;
    const byLang = await agent.get('/api/clients').query({ filter: JSON.stringify({ languages: 'ne' }) });
    expect(byLang.body.map((r: { id: number }) => r.id)).toContain(c.id);
    expect(byLang.body.every((r: { languages: string[] }) => r.languages.includes('ne'))).toBe(true);
    const byArea = await agent.get('/api/clients').query({ filter: JSON.stringify({ municipality_code: '131121' }) });
    expect(byArea.body.every((r: { municipality_code: string }) => r.municipality_code === '131121')).toBe(true);
  });

  it('warns of likely duplicates by phone, email or name and kana', async () => {
    const agent = await t.as('coordinator');
    const c = (
      await agent
        .post('/api/clients')
        .send({ ...base, name: 'Maria Santos', name_kana: 'マリア・サントス', phone: '090-5555-0001', email: 'maria@example.org' })
    ).body;
    const byPhone = await agent.get('/api/clients/duplicates').query({ phone: '０９０５５５５０００１' });
    expect(byPhone.body).toEqual([expect.objectContaining({ id: c.id, match: ['phone'] })]);
    const byName = await agent.get('/api/clients/duplicates').query({ name: 'MARIA SANTOS', name_kana: 'ﾏﾘｱ・ｻﾝﾄｽ' });
    expect(byName.body.map((r: { id: number }) => r.id)).toContain(c.id);
    const self = await agent.get('/api/clients/duplicates').query({ email: 'maria@example.org', exclude_id: c.id });
    expect(self.body).toEqual([]);
  });

  it('deletes a client without history, archives instead when there is history', async () => {
    const agent = await t.as('coordinator');
    const free = (await agent.post('/api/clients').send(base)).body;
    expect((await agent.delete(`/api/clients/${free.id}`)).status).toBe(200);
    const used = (await agent.post('/api/clients').send(base)).body;
    await t.db
      .knex('support_requests')
      .insert({ request_no: 'R-T-1', client_id: used.id, channel: 'phone', category: 'medical', task_type: 'hospital' });
    const refused = await agent.delete(`/api/clients/${used.id}`);
    expect(refused.status).toBe(409);
    const archived = await agent.put(`/api/clients/${used.id}`).send({ version: used.version, archived_at: '2026-11-01T09:00:00+09:00' });
    expect(archived.status).toBe(200);
    const active = await agent.get('/api/clients').query({ filter: JSON.stringify({ archived_at: null }), range: '[0,499]' });
    expect(active.body.map((r: { id: number }) => r.id)).not.toContain(used.id);
  });

  it('numbers clients without gaps or duplicates under concurrent creation', async () => {
    const agent = await t.as('coordinator');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => agent.post('/api/clients').send({ ...base, name: `Parallel ${i}` })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const numbers = (await t.db.knex('clients').orderBy('client_no').pluck('client_no')).map((n: string) => Number(n.slice(2)));
    expect(new Set(numbers).size).toBe(numbers.length);
    const counter = (await t.db.knex('counters').where('name', 'client').first()).value;
    // Every number handed out belongs to a client or to one that was deleted in this file.
    expect(Math.max(...numbers)).toBe(counter);
    const failing = await agent.post('/api/clients').send({ ...base, municipality_code: '999999' });
    expect(failing.status).toBe(400);
    expect((await t.db.knex('counters').where('name', 'client').first()).value).toBe(counter);
  });

  it('refuses clients to roles that may only read', async () => {
    const res = await (await t.as('volunteer_staff')).post('/api/clients').send(base);
    expect(res.status).toBe(403);
    expect((await request(t.app).get('/api/clients')).status).toBe(401);
  });
});
