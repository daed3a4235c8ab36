import { describe, expect, it } from 'vitest';
import type request from 'supertest';
import { useTestApp } from './helpers/app.js';
import { createClient, createRequest, createStaff, createVolunteer } from './helpers/factories.js';

const t = useTestApp();
type Agent = ReturnType<typeof request.agent>;

/** The counters the database keeps, and the same numbers counted from the requests themselves. */
async function countersAgree() {
  const kept = await t.db
    .knex('support_request_counts')
    .where('n', '>', 0)
    .select('status', 'coordinator_id', t.db.knex.raw('n::int as n'))
    .orderBy(['status', 'coordinator_id']);
  const counted = await t.db
    .knex('support_requests')
    .select('status', 'coordinator_id', t.db.knex.raw('count(*)::int as n'))
    .groupBy('status', 'coordinator_id')
    .orderBy(['status', 'coordinator_id']);
  expect(kept).toEqual(counted);
  return kept as { status: string; coordinator_id: number | null; n: number }[];
}

const total = (res: { headers: Record<string, string> }) => Number(String(res.headers['content-range']).split('/')[1]);
const listTotal = async (agent: Agent, resource: string, filter: object) => {
  const res = await agent.get(`/api/${resource}`).query({ filter: JSON.stringify(filter), range: '[0,0]' });
  expect(res.status, `${resource} ${JSON.stringify(filter)}`).toBe(200);
  return total(res);
};

describe('request counters kept by the database', () => {
  it('follow inserts, status changes, reassignments, deletes and set-based bulk writes', async () => {
    const knex = t.db.knex;
    const [a, b] = [await createStaff(knex, { role: 'coordinator' }), await createStaff(knex, { role: 'coordinator' })];
    await countersAgree();
    const client = await createClient(knex);
    const one = await createRequest(knex, { client_id: client.id, status: 'received' });
    await knex('support_requests').where('id', one.id).update({ coordinator_id: a.id });
    await createRequest(knex, { client_id: client.id, status: 'matching' });
    await countersAgree();

    // Through the API: a new request (received, its creator as coordinator) and status moves.
    const agent = await t.as('coordinator');
    const created = await agent
      .post('/api/support-requests')
      .send({ client_id: client.id, channel: 'phone', category: 'medical', task_type: 'hospital', language: 'en' });
    expect(created.status).toBe(201);
    expect((await agent.post(`/api/support-requests/${created.body.id}/status`).send({ status: 'checking' })).status).toBe(200);
    await countersAgree();
    const moved = await agent.post(`/api/support-requests/${one.id}/status`).send({ status: 'cancelled', reason: '本人が辞退' });
    expect(moved.status).toBe(200);
    await countersAgree();

    // Reassignment through the API (PUT with the record's version).
    const current = (await agent.get(`/api/support-requests/${created.body.id}`)).body;
    const put = await agent.put(`/api/support-requests/${created.body.id}`).send({ ...current, coordinator_id: b.id });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await countersAgree();

    // A bulk insert of 500 requests in one statement, as the benchmark data and imports write them.
    await knex.raw(
      `insert into support_requests (request_no, client_id, channel, category, task_type, mode, language, status, coordinator_id)
       select 'R-B-' || g, ?, 'phone', 'medical', 'hospital', 'in_person', 'en',
              (array['received','checking','matching'])[1 + g % 3], case when g % 4 = 0 then null when g % 2 = 0 then ?::int else ?::int end
         from generate_series(1, 500) g`,
      [client.id, a.id, b.id],
    );
    let rows = await countersAgree();
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(503);
    // Bulk moves: one statement changing status for some rows and coordinator for others.
    await knex.raw(`update support_requests set status = 'matching' where request_no like 'R-B-%' and status = 'checking'`);
    await knex.raw(`update support_requests set coordinator_id = ? where request_no like 'R-B-%' and coordinator_id is null`, [b.id]);
    // An update touching neither column changes no count.
    await knex.raw(`update support_requests set language = 'vi' where request_no like 'R-B-%'`);
    await countersAgree();
    await knex('support_requests').where('request_no', 'like', 'R-B-%').andWhere('status', 'received').delete();
    rows = await countersAgree();
    expect(rows.find((r) => r.status === 'checking' && r.coordinator_id === null)).toBeUndefined();
    // A transaction that fails leaves the counters as they were.
    await expect(
      knex.transaction(async (trx) => {
        await trx('support_requests').update({ status: 'checking' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await countersAgree();
  });

  it('give the request list its totals when it is filtered by status and coordinator only', async () => {
    const admin = await t.as('admin');
    const rows = await countersAgree();
    const coordinator = rows.find((r) => r.coordinator_id !== null)!.coordinator_id!;
    const counted = async (where: (qb: ReturnType<typeof t.db.knex>) => void) => {
      const qb = t.db.knex('support_requests');
      where(qb);
      return Number((await qb.count({ n: '*' }))[0]!.n);
    };
    expect(await listTotal(admin, 'support-requests', { status: 'matching' })).toBe(await counted((q) => q.where('status', 'matching')));
    expect(await listTotal(admin, 'support-requests', { status: ['checking', 'matching'], coordinator_id: coordinator })).toBe(
      await counted((q) => q.whereIn('status', ['checking', 'matching']).where('coordinator_id', coordinator)),
    );
    expect(await listTotal(admin, 'support-requests', { coordinator_id: null })).toBe(await counted((q) => q.whereNull('coordinator_id')));
    expect(await listTotal(admin, 'support-requests', {})).toBe(await counted(() => {}));
    // Other filters count the requests themselves.
    expect(await listTotal(admin, 'support-requests', { status: 'matching', language: 'vi' })).toBe(
      await counted((q) => q.where({ status: 'matching', language: 'vi' })),
    );
  });
});

describe('GET /api/dashboard and /api/badges', () => {
  it('answer every card of the home screen with the same numbers as the lists they open', async () => {
    const knex = t.db.knex;
    const agent = await t.as('coordinator');
    const me = (await agent.get('/api/auth/me')).body;
    const client = await createClient(knex);
    for (const status of ['received', 'checking', 'confirmed']) {
      const r = await createRequest(knex, { client_id: client.id, status, channel: status === 'received' ? 'web_form' : 'phone' });
      await knex('support_requests').where('id', r.id).update({ coordinator_id: me.id });
    }
    const volunteer = await createVolunteer(knex, {
      id_check_valid_until: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(volunteer.id).toBeGreaterThan(0);

    const res = await agent.get('/api/dashboard');
    expect(res.status).toBe(200);
    const d = res.body;
    for (const [status, n] of Object.entries(d.requests_by_status as Record<string, number>)) {
      expect(n, status).toBe(await listTotal(agent, 'support-requests', { status }));
    }
    const cards = { ...d.my_work, ...Object.fromEntries(Object.entries(d.my_work.mine).map(([s, c]) => [`mine_${s}`, c])) };
    delete cards.mine;
    const resources: Record<string, string> = { waiting_answer: 'assignments', today: 'assignments', tomorrow: 'assignments' };
    for (const [name, card] of Object.entries(cards as Record<string, { count: number; filter: object }>)) {
      expect(card.count, name).toBe(await listTotal(agent, resources[name] ?? 'support-requests', card.filter));
    }
    expect(d.my_work.mine.received.count).toBeGreaterThan(0);
    expect(d.my_work.web_form_new.count).toBeGreaterThan(0);
    expect(d.outstanding.count).toBe(await listTotal(agent, 'expenses', { outstanding: true }));
    expect(d.follow_ups.count).toBe(await listTotal(agent, 'activity-reports', { follow_up_open: true }));
    expect(d.self_reports.count).toBe(await listTotal(agent, 'self-reports', { pending: true }));
    expect(d.outbox).toEqual({
      failed: await listTotal(agent, 'messages', { status: 'failed' }),
      held: await listTotal(agent, 'messages', { status: 'held' }),
    });
    expect(d.id_checks_due.count).toBe(await listTotal(agent, 'volunteers', { id_check_expires_within_days: 60 }));
    expect(d.id_checks_due.items.map((v: { id: number }) => v.id)).toContain(volunteer.id);
    const report = (await agent.get('/api/reports/monthly').query({ month: d.month.month })).body;
    expect(d.month).toEqual({
      month: expect.stringMatching(/^\d{4}-\d{2}$/),
      received: report.counts.received.value,
      matched: report.counts.matched.value,
      outstanding_yen: report.amounts.total_outstanding_yen.value,
    });

    const badges = (await agent.get('/api/badges')).body;
    expect(badges).toMatchObject({
      web_inbox: await listTotal(agent, 'support-requests', { channel: 'web_form', status: 'received' }),
      unseen_answers: await listTotal(agent, 'assignments', { unseen_answer: true }),
    });
    for (const [status, n] of Object.entries(badges.requests_by_status as Record<string, number>)) {
      expect(n, status).toBe(Number((await knex('support_requests').where({ status }).count({ n: '*' }))[0]!.n));
    }
  });

  it('leave out what the role may not list, and need a session', async () => {
    const staff = (await (await t.as('volunteer_staff')).get('/api/dashboard')).body;
    expect(staff.my_work).toBeNull();
    expect(staff.outbox).toBeNull();
    expect(staff.self_reports).toBeNull();
    expect(staff.month).toBeNull();
    expect(staff.requests_by_status).toMatchObject({ received: expect.any(Number) });
    expect(staff.id_checks_due).toMatchObject({ count: expect.any(Number) });
    const secretariat = (await (await t.as('secretariat')).get('/api/dashboard')).body;
    expect(secretariat.my_work).toBeNull();
    expect(secretariat.month).not.toBeNull();
    // Volunteer staff may read requests (the tabs' numbers) but not take up web-form ones (no inbox).
    expect((await (await t.as('volunteer_staff')).get('/api/badges')).body).toEqual({
      web_inbox: null,
      unseen_answers: expect.any(Number),
      requests_by_status: expect.objectContaining({ received: expect.any(Number), closed: expect.any(Number) }),
    });
    const anonymous = (await import('supertest')).default(t.app);
    expect((await anonymous.get('/api/dashboard')).status).toBe(401);
    expect((await anonymous.get('/api/badges')).status).toBe(401);
    expect((await (await t.as('coordinator')).get('/api/dashboard').query({ x: '1' })).status).toBe(400);
  });
});
