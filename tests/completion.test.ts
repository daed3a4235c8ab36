import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createClient, createRequest, createVolunteer } from './helpers/factories.js';

const t = useTestApp();

/** A request confirmed through the API, as a coordinator would leave it before the activity. */
async function confirmedRequest(day = '2026-03-02') {
  const agent = await t.as('coordinator');
  const v = await createVolunteer(t.db.knex);
  const r = await createRequest(t.db.knex, { start_at: `${day}T10:00:00+09:00`, end_at: `${day}T12:00:00+09:00` });
  const a = await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: v.id, status: 'confirmed' });
  if (a.status !== 201) throw new Error(JSON.stringify(a.body));
  return { agent, request: r, volunteer: v, assignment: a.body };
}
const report = (requestId: number, extra: Record<string, unknown> = {}) => ({
  request_id: requestId,
  actual_start_at: '2026-03-02T10:05:00+09:00',
  actual_end_at: '2026-03-02T11:50:00+09:00',
  outcome: 'resolved',
  summary: '受診に同行し、説明を通訳した。',
  ...extra,
});
const statusOf = async (id: number) => (await t.db.knex('support_requests').where('id', id).first()).status;

describe('activity reports', () => {
  it('files one report per request, moves the request to done, and uses the confirmed assignment', async () => {
    const { agent, request, assignment } = await confirmedRequest();
    const res = await agent.post('/api/activity-reports').send(report(request.id));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ assignment_id: assignment.id, outside_service_rules: false, outcome: 'resolved' });
    expect(await statusOf(request.id)).toBe('done');
    const second = await agent.post('/api/activity-reports').send(report(request.id));
    expect(second.status).toBe(409);
    const events = await t.db.knex('request_events').where('request_id', request.id).orderBy('id');
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['report']));
    expect(events.at(-1)).toMatchObject({ kind: 'status_change', from_status: 'confirmed', to_status: 'done' });
    // The volunteer's history, which matching ranks by, counts the activity once.
    const history = async () =>
      t.db.knex('volunteer_history').where({ volunteer_id: assignment.volunteer_id, task_type: 'hospital', client_id: request.client_id });
    expect((await history()).map((h) => h.done_count)).toEqual([1]);
    await agent.post(`/api/support-requests/${request.id}/status`).send({ status: 'closed' });
    expect((await history()).map((h) => h.done_count)).toEqual([1]);
    // Closing keeps the record of who did the activity.
    expect((await t.db.knex('assignments').where('id', assignment.id).first()).status).toBe('confirmed');
  });

  it('records actual time past 3 hours or outside hours, flagged rather than refused', async () => {
    const { agent, request } = await confirmedRequest();
    const res = await agent
      .post('/api/activity-reports')
      .send(report(request.id, { actual_start_at: '2026-03-02T15:00:00+09:00', actual_end_at: '2026-03-02T18:40:00+09:00' }));
    expect(res.status).toBe(201);
    expect(res.body.outside_service_rules).toBe(true);
  });

  it('refuses a report for a request that is not confirmed, an end before start, an end in the future, a missing follow-up note', async () => {
    const { agent, request } = await confirmedRequest();
    const matching = await createRequest(t.db.knex);
    expect((await agent.post('/api/activity-reports').send(report(matching.id))).status).toBe(409);
    expect(
      (await agent.post('/api/activity-reports').send(report(request.id, { actual_end_at: '2026-03-02T09:00:00+09:00' }))).status,
    ).toBe(400);
    expect((await agent.post('/api/activity-reports').send(report(request.id, { follow_up_needed: true }))).status).toBe(400);
    const inAnHour = new Date(Date.now() + 3600_000);
    const future = await agent.post('/api/activity-reports').send(
      report(request.id, {
        actual_start_at: new Date(inAnHour.getTime() - 3600_000 * 2).toISOString(),
        actual_end_at: inAnHour.toISOString(),
      }),
    );
    expect(future.status).toBe(400);
    expect(future.body.errors.actual_end_at).toBe('終了時刻が未来になっています。');
    expect(await statusOf(request.id)).toBe('confirmed');
    expect(await t.db.knex('activity_reports').where('request_id', request.id).first()).toBeUndefined();
  });

  it('keeps the timeline when a report is edited', async () => {
    const { agent, request } = await confirmedRequest();
    const filed = (await agent.post('/api/activity-reports').send(report(request.id))).body;
    const edited = await agent.put(`/api/activity-reports/${filed.id}`).send({ ...filed, summary: '追記: 薬局にも同行。' });
    expect(edited.status).toBe(200);
    const bodies = (await t.db.knex('request_events').where({ request_id: request.id, kind: 'report' })).map((e) => e.body);
    expect(bodies).toHaveLength(2);
  });
});

describe('expenses', () => {
  it('validates amounts and kinds, writing nothing on failure', async () => {
    const { agent, request } = await confirmedRequest();
    const before = Number((await t.db.knex('expenses').count({ n: '*' }))[0]!.n);
    for (const [body, field] of [
      [{ kind: 'transport', amount_yen: -10 }, 'amount_yen'],
      [{ kind: 'transport', amount_yen: 420.5 }, 'amount_yen'],
      [{ kind: 'transport', amount_yen: 10_000_000 }, 'amount_yen'],
      [{ kind: 'transport', amount_yen: '420' }, 'amount_yen'],
      [{ kind: 'taxi', amount_yen: 420 }, 'kind'],
      [{ kind: 'transport', amount_yen: 420, settled_on: '2026-03-02' }, 'settlement_method'],
    ] as const) {
      const res = await agent.post('/api/expenses').send({ request_id: request.id, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors).toHaveProperty(field);
    }
    expect(Number((await t.db.knex('expenses').count({ n: '*' }))[0]!.n)).toBe(before);
  });

  it('pays fares and transfer fees only: no new other, a transfer fee only by bank transfer, one cap in the API and the database', async () => {
    const { agent, request } = await confirmedRequest();
    const post = (body: Record<string, unknown>) => agent.post('/api/expenses').send({ request_id: request.id, ...body });
    const other = await post({ kind: 'other', amount_yen: 500 });
    expect(other.status).toBe(400);
    expect(other.body.errors.kind).toMatch(/交通費.*振込手数料/);
    const cashFee = await post({ kind: 'transfer_fee', amount_yen: 110, settled_on: '2026-03-03', settlement_method: 'cash' });
    expect(cashFee.status).toBe(400);
    expect(cashFee.body.errors.settlement_method).toMatch(/銀行振込/);
    // The cap is a setting (default ¥50,000): 50,000 is fine, 50,001 is not.
    expect((await post({ kind: 'transport', amount_yen: 50_000 })).status).toBe(201);
    const over = await post({ kind: 'transport', amount_yen: 50_001 });
    expect(over.status).toBe(400);
    expect(over.body.errors.amount_yen).toBe('1 件の費用は 50,000 円以下にしてください (設定の上限)。');
    // The database holds new amounts to the same setting, whoever writes.
    await expect(t.db.knex('expenses').insert({ request_id: request.id, kind: 'transport', amount_yen: 50_001 })).rejects.toMatchObject({
      code: '23514',
    });
    const admin = await t.as('admin');
    expect((await admin.put('/api/settings').send({ max_expense_yen: 60_000 })).status).toBe(200);
    expect((await post({ kind: 'transport', amount_yen: 50_001 })).status).toBe(201);
    expect((await admin.put('/api/settings').send({ max_expense_yen: 0 })).status).toBe(400);
    expect((await admin.put('/api/settings').send({ max_expense_yen: 50_000 })).status).toBe(200);

    // An old `other` expense, and one above today's cap, stay readable and can be settled.
    const [old] = await t.db.knex('expenses').insert({ request_id: request.id, kind: 'other', amount_yen: 300 }).returning('*');
    const read = await agent.get(`/api/expenses/${old.id}`);
    expect(read.body).toMatchObject({ kind: 'other', amount_yen: 300 });
    const settled = await agent.put(`/api/expenses/${old.id}`).send({ ...read.body, settled_on: '2026-03-04', settlement_method: 'cash' });
    expect(settled.status, JSON.stringify(settled.body)).toBe(200);
    // Settling several at once refuses a transfer fee paid in cash.
    const fee = (await post({ kind: 'transfer_fee', amount_yen: 110 })).body;
    const cash = await agent.post('/api/expenses/settle').send({ ids: [fee.id], settled_on: '2026-03-05', settlement_method: 'cash' });
    expect(cash.status).toBe(400);
    expect(cash.body.message).toMatch(/振込手数料は銀行振込/);
    expect(
      (await agent.post('/api/expenses/settle').send({ ids: [fee.id], settled_on: '2026-03-05', settlement_method: 'bank_transfer' }))
        .status,
    ).toBe(200);
  });

  it('defaults the volunteer to the confirmed one and keeps a per-request balance', async () => {
    const { agent, request, volunteer } = await confirmedRequest();
    const transport = await agent.post('/api/expenses').send({ request_id: request.id, kind: 'transport', amount_yen: 420 });
    expect(transport.body.volunteer_id).toBe(volunteer.id);
    await agent.post('/api/expenses').send({
      request_id: request.id,
      kind: 'transfer_fee',
      amount_yen: 110,
      settled_on: '2026-03-03',
      settlement_method: 'bank_transfer',
    });
    const balance = await agent.get(`/api/support-requests/${request.id}/balance`);
    expect(balance.body).toMatchObject({ owed_yen: 530, settled_yen: 110, outstanding_yen: 420, outstanding_count: 1 });
  });

  it('lists outstanding oldest first and settles several at once, all or nothing', async () => {
    const { agent, request } = await confirmedRequest();
    const ids: number[] = [];
    for (const amount of [300, 500, 700])
      ids.push((await agent.post('/api/expenses').send({ request_id: request.id, kind: 'transport', amount_yen: amount })).body.id);
    const outstanding = await agent
      .get('/api/expenses')
      .query({ filter: JSON.stringify({ outstanding: true }), sort: '["created_at","ASC"]', range: '[0,499]' });
    const listed = outstanding.body.map((e: { id: number }) => e.id);
    expect(listed.filter((id: number) => ids.includes(id))).toEqual(ids);
    const body = { settled_on: '2026-03-05', settlement_method: 'cash' };
    expect((await agent.post('/api/expenses/settle').send({ ...body, ids: [ids[0], 999999] })).status).toBe(400);
    expect(await t.db.knex('expenses').whereIn('id', ids).whereNotNull('settled_on')).toHaveLength(0);
    expect((await agent.post('/api/expenses/settle').send({ ...body, ids: [ids[0]] })).status).toBe(200);
    const again = await agent.post('/api/expenses/settle').send({ ...body, ids });
    expect(again.status).toBe(409);
    expect(await t.db.knex('expenses').whereIn('id', ids).whereNotNull('settled_on')).toHaveLength(1);
    const ok = await agent.post('/api/expenses/settle').send({ ...body, ids: ids.slice(1) });
    expect(ok.status).toBe(200);
    expect(ok.body.map((e: { settled_on: string }) => e.settled_on)).toEqual(['2026-03-05', '2026-03-05']);
    // The timeline says the date as people write it, never the ISO form.
    const settledEvents = await t.db.knex('request_events').where({ kind: 'expense' }).where('body', 'like', '%精算済みに (%');
    expect(settledEvents.length).toBeGreaterThan(0);
    for (const e of settledEvents) expect(e.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(settledEvents.map((e: { body: string }) => e.body).join()).toContain('2026/03/05');
  });
});

describe('follow-ups and closing', () => {
  it('queues follow-ups, marks one handled on the timeline, converts another into a linked request', async () => {
    const first = await confirmedRequest();
    const filed = (
      await first.agent
        .post('/api/activity-reports')
        .send(report(first.request.id, { follow_up_needed: true, follow_up_note: '来月の再診にも同行が必要' }))
    ).body;
    const me = (await first.agent.get('/api/auth/me')).body;
    expect(filed.follow_up_owner_id).toBe(me.id);
    const queue = await first.agent.get('/api/activity-reports').query({ filter: JSON.stringify({ follow_up_open: true }) });
    expect(queue.body.map((r: { id: number }) => r.id)).toContain(filed.id);
    const converted = await first.agent.post(`/api/activity-reports/${filed.id}/follow-up/new-request`);
    expect(converted.status).toBe(201);
    expect(converted.body).toMatchObject({
      follow_up_of_id: first.request.id,
      client_id: first.request.client_id,
      status: 'received',
      task_type: 'hospital',
    });
    expect((await first.agent.post(`/api/activity-reports/${filed.id}/follow-up/handled`)).status).toBe(409);
    const after = await first.agent.get('/api/activity-reports').query({ filter: JSON.stringify({ follow_up_open: true }) });
    expect(after.body.map((r: { id: number }) => r.id)).not.toContain(filed.id);

    const second = await confirmedRequest('2026-03-03');
    const filed2 = (
      await second.agent.post('/api/activity-reports').send(
        report(second.request.id, {
          actual_start_at: '2026-03-03T10:00:00+09:00',
          actual_end_at: '2026-03-03T11:00:00+09:00',
          follow_up_needed: true,
          follow_up_note: '書類の確認',
        }),
      )
    ).body;
    const handled = await second.agent.post(`/api/activity-reports/${filed2.id}/follow-up/handled`).send({ note: '電話で確認済み' });
    expect(handled.status).toBe(200);
    expect(handled.body.follow_up_handled_at).toBeTruthy();
    const last = await t.db.knex('request_events').where({ request_id: second.request.id, kind: 'follow_up' }).first();
    expect(last.body).toContain('電話で確認済み');
  });

  it('closes a done request only when nothing is outstanding, or with an explicit reason', async () => {
    const { agent, request } = await confirmedRequest();
    const filed = (await agent.post('/api/activity-reports').send(report(request.id, { follow_up_needed: true, follow_up_note: '要確認' })))
      .body;
    const expense = (await agent.post('/api/expenses').send({ request_id: request.id, kind: 'transport', amount_yen: 420 })).body;
    const close = () => agent.post(`/api/support-requests/${request.id}/status`).send({ status: 'closed' });
    const blocked = await close();
    expect(blocked.status).toBe(409);
    expect(blocked.body.message).toMatch(/未精算/);
    expect(blocked.body.message).toMatch(/フォローアップ/);
    await agent.post('/api/expenses/settle').send({ ids: [expense.id], settled_on: '2026-03-04', settlement_method: 'cash' });
    expect((await close()).status).toBe(409);
    await agent.post(`/api/activity-reports/${filed.id}/follow-up/handled`);
    expect((await close()).body.status).toBe('closed');

    const other = await confirmedRequest('2026-03-05');
    await other.agent
      .post('/api/activity-reports')
      .send(report(other.request.id, { actual_start_at: '2026-03-05T10:00:00+09:00', actual_end_at: '2026-03-05T11:00:00+09:00' }));
    await other.agent.post('/api/expenses').send({ request_id: other.request.id, kind: 'transport', amount_yen: 300 });
    const withReason = await other.agent
      .post(`/api/support-requests/${other.request.id}/status`)
      .send({ status: 'closed', reason: '利用者と連絡が取れないため' });
    expect(withReason.body).toMatchObject({ status: 'closed', status_reason: '利用者と連絡が取れないため' });
  });

  it("keeps each volunteer's history right when a done request's task or resident is corrected", async () => {
    const { agent, request, volunteer } = await confirmedRequest('2026-03-06');
    await agent
      .post('/api/activity-reports')
      .send(report(request.id, { actual_start_at: '2026-03-06T10:00:00+09:00', actual_end_at: '2026-03-06T11:00:00+09:00' }));
    const history = async () =>
      (await t.db.knex('volunteer_history').where({ volunteer_id: volunteer.id }).orderBy(['task_type', 'client_id'])).map((h) => [
        h.task_type,
        h.client_id,
        h.done_count,
      ]);
    expect(await history()).toEqual([['hospital', request.client_id, 1]]);

    const current = (await agent.get(`/api/support-requests/${request.id}`)).body;
    const fixed = await agent
      .put(`/api/support-requests/${request.id}`)
      .send({ version: current.version, task_type: 'ward_office', category: 'administrative' });
    expect(fixed.status).toBe(200);
    expect(await history()).toEqual([['ward_office', request.client_id, 1]]);

    const other = await createClient(t.db.knex);
    const moved = await agent.put(`/api/support-requests/${request.id}`).send({ version: fixed.body.version, client_id: other.id });
    expect(moved.status).toBe(200);
    expect(await history()).toEqual([['ward_office', other.id, 1]]);

    // Closing changes nothing; the volunteer's history equals a count from the records themselves.
    await agent.post(`/api/support-requests/${request.id}/status`).send({ status: 'closed' });
    const recount = await t.db.knex.raw(
      `select a.volunteer_id, r.task_type, coalesce(r.client_id, 0) as client_id, count(*)::int as n
         from assignments a join support_requests r on r.id = a.request_id
        where a.status = 'confirmed' and r.status in ('done', 'closed') group by 1, 2, 3 order by 1, 2, 3`,
    );
    const stored = await t.db.knex('volunteer_history').orderBy(['volunteer_id', 'task_type', 'client_id']);
    expect(stored.map((h) => [h.volunteer_id, h.task_type, h.client_id, h.done_count])).toEqual(
      recount.rows.map((r: Record<string, unknown>) => [r.volunteer_id, r.task_type, r.client_id, r.n]),
    );
  });
});
