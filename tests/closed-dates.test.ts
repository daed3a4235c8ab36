import { describe, expect, it } from 'vitest';
import { closedDatesBetween } from '../server/closed-dates/resource.js';
import { useTestApp } from './helpers/app.js';
import { createClient } from './helpers/factories.js';

const t = useTestApp();
const at = (date: string) => ({ start_at: `${date}T10:00:00+09:00`, end_at: `${date}T11:00:00+09:00` });

async function requestOn(date: string) {
  const agent = await t.as('coordinator');
  const client = await createClient(t.db.knex);
  return agent
    .post('/api/support-requests')
    .send({ client_id: client.id, channel: 'phone', category: 'medical', task_type: 'hospital', language: 'en', ...at(date) });
}

describe('closed dates (休業期間)', () => {
  it('has the year-end and new-year break from the start, refused with its reason: 12/28 open, 12/29 and 1/3 closed, 1/4 open', async () => {
    const list = await (await t.as('coordinator')).get('/api/closed-dates');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({ from_date: '2026-12-29', to_date: '2027-01-03', reason: '年末年始', every_year: true }),
    ]);
    // 2027-12-28 and 2028-01-04 are Tuesdays.
    expect((await requestOn('2027-12-28')).status).toBe(201);
    for (const date of ['2027-12-29', '2027-12-30', '2028-01-03']) {
      const res = await requestOn(date);
      expect(res.status, date).toBe(400);
      expect(res.body.message).toBe(`${date} は休業期間「年末年始」(2027/12/29〜2028/1/3) のため休みです。`);
      expect(res.body.errors.start_at).toMatch(/年末年始/);
    }
    expect((await requestOn('2028-01-04')).status).toBe(201);
  });

  it('lets an admin add, change and remove a period, with an audit entry; others only read', async () => {
    const coordinator = await t.as('coordinator');
    const body = { from_date: '2026-08-13', to_date: '2026-08-15', reason: '夏季休業' };
    expect((await coordinator.post('/api/closed-dates').send(body)).status).toBe(403);
    const admin = await t.as('admin');
    const created = await admin.post('/api/closed-dates').send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, every_year: false });
    expect(
      await t.db
        .knex('audit_log')
        .where({ resource: 'closed-dates', record_id: String(created.body.id) })
        .first(),
    ).toBeTruthy();
    // 2026-08-14 is a Friday.
    expect((await requestOn('2026-08-14')).body.message).toMatch(/夏季休業/);
    const settings = await coordinator.get('/api/settings');
    expect(settings.body.closed_dates).toContainEqual({ ...body, every_year: false });
    const changed = await admin.put(`/api/closed-dates/${created.body.id}`).send({ ...created.body, reason: '夏季休業 (お盆)' });
    expect(changed.status).toBe(200);
    expect((await requestOn('2026-08-14')).body.message).toMatch(/夏季休業 \(お盆\)/);
    expect((await admin.delete(`/api/closed-dates/${created.body.id}`)).status).toBe(200);
    expect((await requestOn('2026-08-14')).status).toBe(201);
  });

  it('refuses a period ending before it starts, a yearly one of a year or more, and an empty reason, writing nothing', async () => {
    const admin = await t.as('admin');
    const before = await t.db.knex('closed_dates').count({ n: '*' });
    const bad = [
      [{ from_date: '2026-08-15', to_date: '2026-08-13', reason: 'x' }, 'to_date', /終了日/],
      [{ from_date: '2026-01-01', to_date: '2027-01-01', reason: 'x', every_year: true }, 'to_date', /1 年未満/],
      [{ from_date: '2026-08-13', to_date: '2026-08-13', reason: '' }, 'reason', /./],
      [{ from_date: '2026-02-30', to_date: '2026-03-01', reason: 'x' }, 'from_date', /YYYY-MM-DD/],
    ] as const;
    for (const [body, field, message] of bad) {
      const res = await admin.post('/api/closed-dates').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors[field], JSON.stringify(res.body)).toMatch(message);
    }
    expect(await t.db.knex('closed_dates').count({ n: '*' })).toEqual(before);
  });

  it('gives the closed dates between two dates, yearly ones unrolled (what the residents’ form config and date pickers show)', async () => {
    const agent = await t.as('coordinator');
    const res = await agent.get('/api/closed-dates/between?from=2026-12-01&to=2028-01-31');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { from_date: '2026-12-29', to_date: '2027-01-03', reason: '年末年始' },
      { from_date: '2027-12-29', to_date: '2028-01-03', reason: '年末年始' },
    ]);
    expect(await closedDatesBetween(t.db.knex, '2027-01-04', '2027-12-28')).toEqual([]);
    expect((await agent.get('/api/closed-dates/between?from=2027-01-01&to=2026-01-01')).status).toBe(400);
    expect((await agent.get('/api/closed-dates/between?from=2027-01-01')).status).toBe(400);
  });
});
