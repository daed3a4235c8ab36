import { describe, expect, it } from 'vitest';
import { tokyoDate } from '../server/domain/time.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

const base = {
  name: '田中 一郎',
  name_kana: 'タナカ イチロウ',
  languages: ['ja', 'en'],
  municipality_code: '131105',
  service_municipality_codes: ['131105', '131091'],
  task_types: ['hospital', 'ward_office'],
  availability: [
    { weekday: 1, start: '09:00', end: '12:00' },
    { weekday: 6, start: '08:30', end: '18:00' },
  ],
  monthly_limit: 4,
};
const day = (offset: number) => tokyoDate(new Date(Date.now() + offset * 86_400_000));

describe('volunteers', () => {
  it('creates a volunteer with availability, arrays and a V- number', async () => {
    const agent = await t.as('volunteer_staff');
    const res = await agent.post('/api/volunteers').send(base);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      volunteer_no: expect.stringMatching(/^V-\d{5}$/),
      availability: base.availability,
      status: 'active',
      id_check_valid_until: null,
    });
    const stored = await t.db.knex('volunteers').where('id', res.body.id).first();
    expect(stored.availability).toEqual(base.availability);
    expect(stored.service_municipality_codes).toEqual(['131105', '131091']);
  });

  it('validates availability windows: weekday, format, order, service hours, overlap', async () => {
    const agent = await t.as('volunteer_staff');
    const bad = [
      [{ weekday: 7, start: '09:00', end: '10:00' }],
      [{ weekday: 0, start: '09:00', end: '10:00' }],
      [{ weekday: 1, start: '9:00', end: '10:00' }],
      [{ weekday: 1, start: '11:00', end: '10:00' }],
      [{ weekday: 1, start: '08:00', end: '10:00' }],
      [{ weekday: 1, start: '17:00', end: '18:30' }],
      [
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 2, start: '11:00', end: '13:00' },
      ],
    ];
    for (const availability of bad) {
      const res = await agent.post('/api/volunteers').send({ ...base, availability });
      expect(res.status, JSON.stringify(availability)).toBe(400);
      expect(
        Object.keys(res.body.errors).some((k) => k.startsWith('availability')),
        JSON.stringify(res.body),
      ).toBe(true);
    }
    const edge = await agent.post('/api/volunteers').send({ ...base, availability: [{ weekday: 3, start: '08:30', end: '18:00' }] });
    expect(edge.status).toBe(201);
  });

  it('validates task types, areas and the monthly limit', async () => {
    const agent = await t.as('volunteer_staff');
    expect((await agent.post('/api/volunteers').send({ ...base, task_types: ['babysitting'] })).status).toBe(400);
    expect((await agent.post('/api/volunteers').send({ ...base, service_municipality_codes: ['000000'] })).status).toBe(400);
    expect((await agent.post('/api/volunteers').send({ ...base, monthly_limit: -1 })).status).toBe(400);
    expect((await agent.post('/api/volunteers').send({ ...base, monthly_limit: 2.5 })).status).toBe(400);
  });

  it('keeps id_check_valid_until read-only and derived from ID checks', async () => {
    const agent = await t.as('volunteer_staff');
    const v = (await agent.post('/api/volunteers').send({ ...base, id_check_valid_until: '2099-01-01' })).body;
    expect(v.id_check_valid_until).toBeNull();
    const updated = await agent.put(`/api/volunteers/${v.id}`).send({ version: v.version, id_check_valid_until: '2099-01-01', notes: 'x' });
    expect(updated.status).toBe(200);
    expect(updated.body.id_check_valid_until).toBeNull();
  });

  it('filters by ID check state and expiry window', async () => {
    const agent = await t.as('volunteer_staff');
    const mk = async (name: string, until: string | null) => {
      const v = (await agent.post('/api/volunteers').send({ ...base, name })).body;
      await t.db.knex('volunteers').where('id', v.id).update({ id_check_valid_until: until });
      return v.id as number;
    };
    const valid = await mk('有効', day(400));
    const soon = await mk('まもなく', day(30));
    const expired = await mk('期限切れ', day(-1));
    const none = await mk('未確認', null);
    const ids = async (filter: object) =>
      (await agent.get('/api/volunteers').query({ filter: JSON.stringify(filter), range: '[0,499]' })).body.map(
        (r: { id: number }) => r.id,
      );
    expect(await ids({ id_check_state: 'valid' })).toEqual(expect.arrayContaining([valid, soon]));
    expect(await ids({ id_check_state: 'expiring' })).toContain(soon);
    expect(await ids({ id_check_state: 'expiring' })).not.toContain(valid);
    expect(await ids({ id_check_state: 'expired' })).toContain(expired);
    // none: no valid check today, never checked or expired (the console's 「未確認または期限切れ」).
    expect(await ids({ id_check_state: 'none' })).toEqual(expect.arrayContaining([none, expired]));
    for (const other of [valid, soon]) expect(await ids({ id_check_state: 'none' })).not.toContain(other);
    // 「本人確認の期限」 shows those expiring soon and, first of all, those who cannot be matched now.
    const due = await ids({ id_check_expires_within_days: 60 });
    expect(due).toEqual(expect.arrayContaining([soon, expired, none]));
    expect(due).not.toContain(valid);
    expect((await agent.get('/api/volunteers').query({ filter: '{"id_check_state":"maybe"}' })).status).toBe(400);
  });

  it('is read-only for coordinators and refuses delete when there is history', async () => {
    const coordinator = await t.as('coordinator');
    expect((await coordinator.post('/api/volunteers').send(base)).status).toBe(403);
    const agent = await t.as('volunteer_staff');
    const v = (await agent.post('/api/volunteers').send(base)).body;
    await agent
      .post('/api/id-checks')
      .send({ volunteer_id: v.id, checked_on: day(0), method: 'in_person', document_type: 'passport', result: 'passed' });
    expect((await agent.delete(`/api/volunteers/${v.id}`)).status).toBe(409);
  });

  it('warns of likely duplicate volunteers', async () => {
    const agent = await t.as('volunteer_staff');
    await agent.post('/api/volunteers').send({ ...base, name: '鈴木 花', name_kana: 'スズキ ハナ', phone: '070-9999-0000' });
    const res = await agent.get('/api/volunteers/duplicates').query({ phone: '07099990000' });
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ name: '鈴木 花', match: ['phone'] });
  });
});
