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
