import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createClient, createRequest, createVolunteer } from './helpers/factories.js';

const t = useTestApp();

type Due = {
  as_of: string;
  years: Record<string, number>;
  requests: { id: number; due_on: string }[];
  clients: { id: number; due_on: string }[];
  volunteers: { id: number; due_on: string }[];
  audit_log: { count: number; before: string };
};

const due = async (as_of: string) => {
  const res = await (await t.as('admin')).get('/api/retention/due').query({ as_of });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Due;
};
const idsOf = (rows: { id: number }[]) => rows.map((r) => r.id);

/** Backdates a row's activity: 2021-03-01 10:00 in Japan is 01:00 UTC. */
const LAST = '2021-03-01T10:00:00+09:00';

describe('retention (保存期間)', () => {
  it('lists by date: due on the day the years have passed in Japan time, not the day before', async () => {
    const knex = t.db.knex;
    // A resident whose only request was closed on LAST.
    const client = await createClient(knex);
    const request = await createRequest(knex, { client_id: client.id, status: 'closed' });
    await knex('support_requests').where('id', request.id).update({ updated_at: LAST });
    await knex('clients').where('id', client.id).update({ updated_at: LAST });
    // A resident with an unfinished request is never due, however old.
    const busy = await createClient(knex);
    const open = await createRequest(knex, { client_id: busy.id, status: 'matching' });
    await knex('support_requests').where('id', open.id).update({ updated_at: LAST });
    await knex('clients').where('id', busy.id).update({ updated_at: LAST });
    // A retired volunteer last active then, and an active one who is never listed.
    const retired = await createVolunteer(knex, { status: 'retired' });
    const active = await createVolunteer(knex);
    await knex('volunteers').whereIn('id', [retired.id, active.id]).update({ updated_at: LAST });

    const before = await due('2026-02-28');
    expect(before.years).toEqual({ requests: 5, clients: 5, volunteers: 5, audit_log: 3 });
    expect(idsOf(before.requests)).not.toContain(request.id);
    expect(idsOf(before.clients)).not.toContain(client.id);
    expect(idsOf(before.volunteers)).not.toContain(retired.id);

    const on = await due('2026-03-01');
    expect(on.requests.find((r) => r.id === request.id)?.due_on).toBe('2026-03-01');
    expect(idsOf(on.clients)).toContain(client.id);
    expect(idsOf(on.volunteers)).toContain(retired.id);
    for (const id of [busy.id]) expect(idsOf(on.clients)).not.toContain(id);
    expect(idsOf(on.requests)).not.toContain(open.id);
    expect(idsOf(on.volunteers)).not.toContain(active.id);

    // A later timeline entry moves the date.
    await knex('request_events').insert({ request_id: request.id, kind: 'note', body: 'x', at: '2022-06-01T10:00:00+09:00' });
    const moved = await due('2026-03-01');
    expect(idsOf(moved.requests)).not.toContain(request.id);
    expect(idsOf(moved.clients)).not.toContain(client.id);
    expect((await due('2027-06-01')).requests.find((r) => r.id === request.id)?.due_on).toBe('2027-06-01');

    // Shorter settings list sooner.
    const admin = await t.as('admin');
    const settings = (await admin.get('/api/settings')).body;
    expect((await admin.put('/api/settings').send({ version: settings.version, retention_volunteer_years: 31 })).status).toBe(400);
    expect((await admin.put('/api/settings').send({ version: settings.version, retention_volunteer_years: 1 })).status).toBe(200);
    expect(idsOf((await due('2022-03-01')).volunteers)).toContain(retired.id);
    expect(idsOf((await due('2022-02-28')).volunteers)).not.toContain(retired.id);
    await admin.put('/api/settings').send({ version: settings.version + 1, retention_volunteer_years: 5 });
  });

  it('counts audit entries past the audit retention (3 years by default)', async () => {
    await t.db.knex('audit_log').insert([
      { staff_id: null, action: 'view', resource: 'clients', record_id: '1', at: '2023-03-01T09:00:00+09:00' },
      { staff_id: null, action: 'view', resource: 'clients', record_id: '1', at: '2023-02-28T23:59:00+09:00' },
    ]);
    expect((await due('2026-03-01')).audit_log).toEqual({ count: 1, before: '2023-03-01' });
    expect((await due('2026-03-02')).audit_log.count).toBe(2);
  });

  it('anonymises in bulk what is due, with one reason, and refuses what is not', async () => {
    const knex = t.db.knex;
    const admin = await t.as('admin');
    const client = await createClient(knex, { name: 'Retention Person', phone: '090-3333-4444' });
    const request = await createRequest(knex, { client_id: client.id, status: 'closed' });
    const otherClient = await createClient(knex);
    const closedRequest = await createRequest(knex, { client_id: otherClient.id, status: 'closed' });
    await knex('support_requests')
      .where('id', closedRequest.id)
      .update({ place: '古い病院の場所', description: '古い相談内容', updated_at: LAST });
    await knex('request_events').insert({ request_id: closedRequest.id, kind: 'call', body: '古い通話メモ', at: LAST });
    await knex('support_requests').where('id', request.id).update({ updated_at: LAST });
    await knex('clients').where('id', client.id).update({ updated_at: LAST });
    const retired = await createVolunteer(knex, { status: 'retired', name: '退会 太郎' });
    await knex('volunteers').where('id', retired.id).update({ updated_at: LAST });
    const fresh = await createVolunteer(knex, { status: 'retired' });

    const list = await due(new Date().toISOString().slice(0, 10));
    expect(idsOf(list.clients)).toContain(client.id);
    expect(idsOf(list.requests)).toContain(closedRequest.id);

    // Not for other roles, not without a reason, not for what is not due: nothing written.
    expect((await (await t.as('coordinator')).get('/api/retention/due')).status).toBe(403);
    expect((await (await t.as('coordinator')).post('/api/retention/anonymise').send({ reason: 'x', clients: [client.id] })).status).toBe(
      403,
    );
    expect((await admin.post('/api/retention/anonymise').send({ clients: [client.id] })).status).toBe(400);
    const notDue = await admin
      .post('/api/retention/anonymise')
      .send({ reason: '保存期間経過', clients: [client.id], volunteers: [fresh.id] });
    expect(notDue.status).toBe(409);
    expect((await knex('clients').where('id', client.id).first()).anonymised_at).toBeNull();

    const res = await admin
      .post('/api/retention/anonymise')
      .send({ reason: '保存期間 (5年) 経過', clients: [client.id], requests: [closedRequest.id], volunteers: [retired.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ clients: 1, requests: 1, volunteers: 1, audit_log: 0 });
    const c = await knex('clients').where('id', client.id).first();
    expect(c).toMatchObject({ name: '匿名化済み', phone: null });
    const r = await knex('support_requests').where('id', closedRequest.id).first();
    expect(r).toMatchObject({ place: null, description: null, status: 'closed' });
    expect(r.anonymised_at).toBeTruthy();
    expect((await knex('request_events').where('request_id', closedRequest.id).first()).body).toBe('（匿名化により削除）');
    expect((await knex('volunteers').where('id', retired.id).first()).name).toBe('匿名化済み');
    const entry = await knex('audit_log').where({ action: 'anonymise', resource: 'retention' }).first();
    expect(entry.details).toMatchObject({ reason: '保存期間 (5年) 経過', clients: 1, requests: 1, volunteers: 1 });
    // Gone from the list; the request cannot be edited any more.
    const after = await due(new Date().toISOString().slice(0, 10));
    expect(idsOf(after.clients)).not.toContain(client.id);
    expect(idsOf(after.requests)).not.toContain(closedRequest.id);
    expect((await admin.put(`/api/support-requests/${closedRequest.id}`).send({ version: r.version, description: 'x' })).status).toBe(409);
  });
});
