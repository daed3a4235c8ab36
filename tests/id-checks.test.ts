import { describe, expect, it } from 'vitest';
import { addMonths, looksLikeDocumentNumber } from '../server/domain/id-checks.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

async function newVolunteer() {
  const agent = await t.as('volunteer_staff');
  return (await agent.post('/api/volunteers').send({ name: '確認 太郎', languages: ['ja'] })).body as { id: number };
}

describe('ID checks (本人確認)', () => {
  it('records checked_by from the session and defaults valid_until from the setting', async () => {
    const agent = await t.as('volunteer_staff');
    const me = (await agent.get('/api/auth/me')).body;
    const v = await newVolunteer();
    const res = await agent.post('/api/id-checks').send({
      volunteer_id: v.id,
      checked_on: '2026-01-31',
      method: 'video_call',
      document_type: 'residence_card',
      document_expiry_month: '2030-05',
      result: 'passed',
      checked_by: 99999,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ checked_by: me.id, valid_until: '2029-01-31' });
    expect((await t.db.knex('volunteers').where('id', v.id).first()).id_check_valid_until).toBe('2029-01-31');

    await t.db.knex('settings').update({ id_check_valid_months: 13 });
    const next = await agent
      .post('/api/id-checks')
      .send({ volunteer_id: v.id, checked_on: '2026-01-31', method: 'in_person', document_type: 'passport', result: 'passed' });
    expect(next.body.valid_until).toBe('2027-02-28');
    await t.db.knex('settings').update({ id_check_valid_months: 36 });
  });

  it('takes 資格確認書, refuses 健康保険証 on a new check but keeps old ones readable and editable', async () => {
    const agent = await t.as('volunteer_staff');
    const v = await newVolunteer();
    const base = { volunteer_id: v.id, checked_on: '2026-02-02', method: 'in_person', result: 'passed' };
    const certificate = await agent.post('/api/id-checks').send({ ...base, document_type: 'qualification_certificate' });
    expect(certificate.status).toBe(201);
    expect((await agent.get(`/api/id-checks/${certificate.body.id}`)).body.document_type).toBe('qualification_certificate');
    const card = await agent.post('/api/id-checks').send({ ...base, document_type: 'health_insurance_card' });
    expect(card.status).toBe(400);
    expect(card.body.errors.document_type).toMatch(/健康保険証は 2024 年 12 月/);
    // A check recorded before: still read, and still edited (its notes, say) with its document.
    const [old] = await t.db
      .knex('id_checks')
      .insert({ ...base, checked_on: '2024-06-01', document_type: 'health_insurance_card', valid_until: '2027-06-01', checked_by: 1 })
      .returning('*');
    const read = await agent.get(`/api/id-checks/${old.id}`);
    expect(read.body.document_type).toBe('health_insurance_card');
    const edited = await agent.put(`/api/id-checks/${old.id}`).send({ ...read.body, notes: '対面で確認' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const switched = await agent
      .put(`/api/id-checks/${certificate.body.id}`)
      .send({ ...certificate.body, document_type: 'health_insurance_card' });
    expect(switched.status).toBe(400);
  });

  it('ends a check on a residence card with the card: its expiry month is required and bounds the validity', async () => {
    const agent = await t.as('volunteer_staff');
    const v = await newVolunteer();
    const base = { volunteer_id: v.id, checked_on: '2026-02-02', method: 'in_person', document_type: 'residence_card', result: 'passed' };
    const missing = await agent.post('/api/id-checks').send(base);
    expect(missing.status).toBe(400);
    expect(missing.body.errors.document_expiry_month).toMatch(/有効期限 \(年と月\)/);
    // Card valid until August 2027: the 36 months of the setting stop at 2027-08-31.
    const bounded = await agent.post('/api/id-checks').send({ ...base, document_expiry_month: '2027-08' });
    expect(bounded.status).toBe(201);
    expect(bounded.body).toMatchObject({ valid_until: '2027-08-31', document_expiry_month: '2027-08' });
    expect((await t.db.knex('volunteers').where('id', v.id).first()).id_check_valid_until).toBe('2027-08-31');
    const past = await agent.post('/api/id-checks').send({ ...base, document_expiry_month: '2027-08', valid_until: '2027-09-01' });
    expect(past.status).toBe(400);
    expect(past.body.errors.valid_until).toMatch(/2027年8月末/);
    const expiredCard = await agent.post('/api/id-checks').send({ ...base, document_expiry_month: '2026-01' });
    expect(expiredCard.status).toBe(400);
    for (const month of ['2027-13', '2027/08', '202708', 'AB1234567']) {
      const res = await agent.post('/api/id-checks').send({ ...base, document_expiry_month: month });
      expect(res.status, month).toBe(400);
      expect(res.body.errors).toHaveProperty('document_expiry_month');
    }
    // Another document is not bounded by an expiry month.
    const passport = await agent.post('/api/id-checks').send({ ...base, document_type: 'passport', document_expiry_month: '2026-12' });
    expect(passport.body.valid_until).toBe('2029-02-02');
  });

  it('takes the volunteer expiry from the most recent check: a failed one leaves none, also after edits and deletes', async () => {
    const agent = await t.as('volunteer_staff');
    const v = await newVolunteer();
    const post = (body: object) =>
      agent.post('/api/id-checks').send({ volunteer_id: v.id, method: 'in_person', document_type: 'drivers_license', ...body });
    const expiry = async () => (await t.db.knex('volunteers').where('id', v.id).first()).id_check_valid_until;
    const first = (await post({ checked_on: '2024-05-01', result: 'passed', valid_until: '2027-05-01' })).body;
    expect(await expiry()).toBe('2027-05-01');
    const failed = (await post({ checked_on: '2026-05-01', result: 'failed' })).body;
    expect(await expiry()).toBeNull();
    // A pass entered afterwards but dated before the failure does not undo it.
    const backfilled = (await post({ checked_on: '2025-05-01', result: 'passed', valid_until: '2028-05-01' })).body;
    expect(await expiry()).toBeNull();
    const renewed = (await post({ checked_on: '2026-06-01', result: 'passed', valid_until: '2029-06-01' })).body;
    expect(await expiry()).toBe('2029-06-01');
    expect((await agent.delete(`/api/id-checks/${renewed.id}`)).status).toBe(200);
    expect(await expiry()).toBeNull();
    expect((await agent.delete(`/api/id-checks/${failed.id}`)).status).toBe(200);
    expect(await expiry()).toBe('2028-05-01');
    expect((await agent.delete(`/api/id-checks/${backfilled.id}`)).status).toBe(200);
    expect(await expiry()).toBe('2027-05-01');
    expect((await agent.delete(`/api/id-checks/${first.id}`)).status).toBe(200);
    expect(await expiry()).toBeNull();
  });

  it('never stores a document number or image: such a body is a 400 and nothing is written', async () => {
    const agent = await t.as('volunteer_staff');
    const v = await newVolunteer();
    const ok = { volunteer_id: v.id, checked_on: '2026-02-01', method: 'in_person', document_type: 'my_number_card', result: 'passed' };
    const before = Number((await t.db.knex('id_checks').count({ n: '*' }))[0]!.n);
    for (const extra of [
      { document_number: '123456789012' },
      { document_image: 'data:image/png;base64,AAAA' },
      { notes: '番号 1234 5678 9012 を確認' },
      { notes: '旅券 TK1234567' },
      { notes: '在留カード AB12345678CD' },
    ]) {
      const res = await agent.post('/api/id-checks').send({ ...ok, ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(400);
    }
    expect(Number((await t.db.knex('id_checks').count({ n: '*' }))[0]!.n)).toBe(before);
    expect((await agent.post('/api/id-checks').send({ ...ok, notes: '2026-02-01 に対面で確認済み' })).status).toBe(201);
  });

  it('lists checks expiring within N days', async () => {
    const agent = await t.as('volunteer_staff');
    const v = await newVolunteer();
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const c = (
      await agent.post('/api/id-checks').send({
        volunteer_id: v.id,
        checked_on: '2023-01-01',
        valid_until: soon,
        method: 'in_person',
        document_type: 'passport',
        result: 'passed',
      })
    ).body;
    const res = await agent.get('/api/id-checks').query({ filter: JSON.stringify({ expires_within_days: 30 }) });
    expect(res.body.map((r: { id: number }) => r.id)).toContain(c.id);
    const narrow = await agent.get('/api/id-checks').query({ filter: JSON.stringify({ expires_within_days: 5 }) });
    expect(narrow.body.map((r: { id: number }) => r.id)).not.toContain(c.id);
  });

  it('lists checks that have already expired, but not ones a newer check replaced', async () => {
    const agent = await t.as('volunteer_staff');
    const check = { method: 'in_person', document_type: 'passport', result: 'passed' };
    const lapsed = await newVolunteer();
    const old = (
      await agent.post('/api/id-checks').send({ ...check, volunteer_id: lapsed.id, checked_on: '2023-01-01', valid_until: '2024-01-01' })
    ).body;
    const renewed = await newVolunteer();
    const replaced = (
      await agent.post('/api/id-checks').send({ ...check, volunteer_id: renewed.id, checked_on: '2023-01-01', valid_until: '2024-01-01' })
    ).body;
    await agent.post('/api/id-checks').send({ ...check, volunteer_id: renewed.id, checked_on: '2024-01-01', valid_until: '2099-01-01' });
    const res = await agent.get('/api/id-checks').query({ filter: JSON.stringify({ expires_within_days: 30 }), range: '[0,499]' });
    const ids = res.body.map((r: { id: number }) => r.id);
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(replaced.id);
  });

  it('has pure helpers for expiry and document numbers', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(looksLikeDocumentNumber('2026-01-15 確認')).toBe(false);
    expect(looksLikeDocumentNumber('１２３４５６７８９０１２')).toBe(true);
  });
});
