import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createClient, createVolunteer } from './helpers/factories.js';

const t = useTestApp();
const SAT = { start_at: '2026-03-07T10:00:00+09:00', end_at: '2026-03-07T12:00:00+09:00' };

async function newRequest(extra: Record<string, unknown> = {}) {
  const agent = await t.as('coordinator');
  const client = await createClient(t.db.knex);
  const res = await agent
    .post('/api/support-requests')
    .send({ client_id: client.id, channel: 'phone', category: 'medical', task_type: 'hospital', language: 'en', ...extra });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: number; version: number; request_no: string; status: string };
}
const events = (id: number) => t.db.knex('request_events').where('request_id', id).orderBy('id');
const move = async (id: number, status: string, reason?: string) =>
  (await t.as('coordinator')).post(`/api/support-requests/${id}/status`).send({ status, ...(reason ? { reason } : {}) });

describe('support requests', () => {
  it('creates a received request with a yearly number, default coordinator and a timeline entry', async () => {
    const agent = await t.as('coordinator');
    const me = (await agent.get('/api/auth/me')).body;
    const r = await newRequest({ received_at: '2026-01-05T09:15:00+09:00', ...SAT, status: 'done' });
    expect(r).toMatchObject({ request_no: expect.stringMatching(/^R-2026-\d{5}$/), status: 'received', coordinator_id: me.id });
    const [first] = await events(r.id);
    expect(first).toMatchObject({ kind: 'status_change', to_status: 'received', staff_id: me.id });
    // 23:30 JST on 31 December is still that year in Japan, though 2025 in UTC would say otherwise.
    const eve = await newRequest({ received_at: '2025-12-31T14:30:00Z' });
    expect(eve.request_no).toMatch(/^R-2025-/);
  });

  it('allows no time yet and past dates, refuses times outside the service rules with the rule named', async () => {
    expect((await newRequest()).status).toBe('received');
    expect((await newRequest({ start_at: '2024-06-01T09:00:00+09:00', end_at: '2024-06-01T10:00:00+09:00' })).status).toBe('received');
    const agent = await t.as('coordinator');
    const client = await createClient(t.db.knex);
    const base = { client_id: client.id, channel: 'phone', category: 'medical', task_type: 'hospital' };
    const cases: [Record<string, string>, RegExp][] = [
      [{ start_at: '2026-03-08T10:00:00+09:00', end_at: '2026-03-08T11:00:00+09:00' }, /日曜日/],
      [{ start_at: '2026-03-02T09:00:00+09:00', end_at: '2026-03-02T12:01:00+09:00' }, /180 分/],
      [{ start_at: '2026-03-06T22:00:00Z', end_at: '2026-03-06T23:00:00Z' }, /サービス時間/],
      [{ start_at: '2026-05-06T10:00:00+09:00', end_at: '2026-05-06T11:00:00+09:00' }, /休日（憲法記念日の振替）/],
      [{ start_at: '2026-03-02T10:00:00+09:00' }, /両方/],
    ];
    const before = Number((await t.db.knex('support_requests').count({ n: '*' }))[0]!.n);
    for (const [times, message] of cases) {
      const res = await agent.post('/api/support-requests').send({ ...base, ...times });
      expect(res.status, JSON.stringify(times)).toBe(400);
      expect(res.body.message).toMatch(message);
      expect(Object.keys(res.body.errors).some((k) => k === 'start_at' || k === 'end_at')).toBe(true);
    }
    expect(Number((await t.db.knex('support_requests').count({ n: '*' }))[0]!.n)).toBe(before);
  });

  it('refuses general residents while members_only, admits them when open', async () => {
    const agent = await t.as('coordinator');
    const general = await createClient(t.db.knex, { eligibility: 'general' });
    const body = { client_id: general.id, channel: 'email', category: 'lifeline', task_type: 'utilities_setup' };
    const refused = await agent.post('/api/support-requests').send(body);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/会員のみ/);
    const admin = await t.as('admin');
    expect((await admin.put('/api/settings').send({ eligibility_mode: 'open' })).status).toBe(200);
    expect((await agent.post('/api/support-requests').send(body)).status).toBe(201);
    await admin.put('/api/settings').send({ eligibility_mode: 'members_only' });
  });

  it('moves through the workflow by hand with timeline entries, refusing what the table forbids', async () => {
    const r = await newRequest(SAT);
    expect((await move(r.id, 'closed')).status).toBe(409);
    expect((await move(r.id, 'checking')).body.status).toBe('checking');
    expect((await move(r.id, 'matching')).body.status).toBe('matching');
    expect((await move(r.id, 'checking')).body.status).toBe('checking');
    expect((await move(r.id, 'matching')).body.status).toBe('matching');
    const confirmed = await move(r.id, 'confirmed');
    expect(confirmed.status).toBe(409);
    expect(confirmed.body.error).toBe('conflict');
    expect((await move(r.id, 'done')).status).toBe(409);
    const log = await events(r.id);
    expect(log.map((e) => `${e.from_status ?? ''}>${e.to_status}`)).toEqual([
      '>received',
      'received>checking',
      'checking>matching',
      'matching>checking',
      'checking>matching',
    ]);
    expect((await t.db.knex('support_requests').where('id', r.id).first()).status).toBe('matching');
  });

  it('goes from received straight to matching in one call, recorded as two steps, or not at all', async () => {
    const r = await newRequest(SAT);
    const res = await move(r.id, 'matching');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('matching');
    const log = await events(r.id);
    expect(log.map((e) => `${e.from_status ?? ''}>${e.to_status}`)).toEqual(['>received', 'received>checking', 'checking>matching']);
    // An ineligible resident: refused, and the request stays received with no half-step recorded.
    const agent = await t.as('coordinator');
    const general = await createClient(t.db.knex, { eligibility: 'general' });
    const other = await newRequest(SAT);
    await t.db.knex('support_requests').where('id', other.id).update({ client_id: general.id });
    const refused = await agent.post(`/api/support-requests/${other.id}/status`).send({ status: 'matching' });
    expect(refused.status).toBe(409);
    expect((await t.db.knex('support_requests').where('id', other.id).first()).status).toBe('received');
    expect((await events(other.id)).map((e) => e.to_status)).toEqual(['received']);
  });

  it('needs a reason to reject, cancel or give up matching, and ends there', async () => {
    const a = await newRequest();
    const noReason = await move(a.id, 'rejected');
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toHaveProperty('reason');
    expect((await move(a.id, 'rejected', '   ')).status).toBe(400);
    const rejected = await move(a.id, 'rejected', '対象地域外');
    expect(rejected.body).toMatchObject({ status: 'rejected', status_reason: '対象地域外' });
    expect((await move(a.id, 'checking')).status).toBe(409);
    const b = await newRequest();
    await move(b.id, 'checking');
    await move(b.id, 'matching');
    expect((await move(b.id, 'unmatched', '対応できるボランティアがいない')).body.status).toBe('unmatched');
    const c = await newRequest();
    expect((await move(c.id, 'cancelled', '本人から取り下げ')).body.status).toBe('cancelled');
    const last = (await events(c.id)).at(-1);
    expect(last).toMatchObject({ from_status: 'received', to_status: 'cancelled', body: '本人から取り下げ' });
    expect((await move(c.id, 'nonsense')).status).toBe(400);
  });

  it('never changes status through PUT, and refuses a stale version', async () => {
    const agent = await t.as('coordinator');
    const r = await newRequest();
    const res = await agent.put(`/api/support-requests/${r.id}`).send({ version: r.version, status: 'closed', place: '区役所' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'received', place: '区役所', version: r.version + 1 });
    const stale = await agent.put(`/api/support-requests/${r.id}`).send({ version: r.version, place: '病院' });
    expect(stale.status).toBe(409);
    // A status change bumps the version too, so an edit form opened before it is stale.
    await move(r.id, 'checking');
    expect((await agent.put(`/api/support-requests/${r.id}`).send({ version: r.version + 1, place: 'x' })).status).toBe(409);
  });

  it('numbers requests without duplicates under concurrent creation', async () => {
    const agent = await t.as('coordinator');
    const client = await createClient(t.db.knex);
    const results = await Promise.all(
      Array.from({ length: 15 }, () =>
        agent.post('/api/support-requests').send({
          client_id: client.id,
          channel: 'phone',
          category: 'welfare',
          task_type: 'ward_office',
          received_at: '2027-02-01T10:00:00+09:00',
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(15).fill(201));
    const numbers = results.map((r) => r.body.request_no).sort();
    expect(numbers).toEqual(Array.from({ length: 15 }, (_, i) => `R-2027-${String(i + 1).padStart(5, '0')}`));
  });

  it('logs contacts on the timeline and lists it newest first, filtered by request', async () => {
    const agent = await t.as('coordinator');
    const r = await newRequest();
    const call = await agent
      .post('/api/request-events')
      .send({ request_id: r.id, kind: 'call', party: 'resident', body: '本人に電話。希望日を確認。' });
    expect(call.status).toBe(201);
    expect((await agent.post('/api/request-events').send({ request_id: r.id, kind: 'status_change', body: 'x' })).status).toBe(400);
    expect((await agent.post('/api/request-events').send({ request_id: r.id, kind: 'note', body: '' })).status).toBe(400);
    await move(r.id, 'checking');
    const list = await agent.get('/api/request-events').query({ filter: JSON.stringify({ request_id: r.id }), sort: '["at","DESC"]' });
    expect(list.body.map((e: { kind: string }) => e.kind)).toEqual(['status_change', 'call', 'status_change']);
    expect((await agent.put(`/api/request-events/${call.body.id}`).send({ version: 1, body: 'x' })).status).toBe(404);
    expect((await agent.delete(`/api/request-events/${call.body.id}`)).status).toBe(409);
  });

  it('filters the list by status, received dates and "no time yet"', async () => {
    const agent = await t.as('coordinator');
    const timed = await newRequest(SAT);
    const untimed = await newRequest();
    const ids = async (filter: object) =>
      (await agent.get('/api/support-requests').query({ filter: JSON.stringify(filter), range: '[0,499]' })).body.map(
        (r: { id: number }) => r.id,
      );
    expect(await ids({ no_time_yet: true })).toContain(untimed.id);
    expect(await ids({ no_time_yet: true })).not.toContain(timed.id);
    expect(await ids({ status: ['received', 'checking'] })).toEqual(expect.arrayContaining([timed.id, untimed.id]));
    expect(await ids({ received_at_gte: '2099-01-01' })).toEqual([]);
  });
});

describe('settings', () => {
  it('lets an admin read and change settings with validation; others only read', async () => {
    const admin = await t.as('admin');
    const current = (await admin.get('/api/settings')).body;
    expect(current).toMatchObject({
      eligibility_mode: 'members_only',
      service_start: '08:30',
      service_end: '18:00',
      max_activity_minutes: 180,
      service_weekdays: [1, 2, 3, 4, 5, 6],
    });
    const round = await admin.put('/api/settings').send({ ...current, max_activity_minutes: 150 });
    expect(round.status).toBe(200);
    expect(round.body.max_activity_minutes).toBe(150);
    expect((await admin.put('/api/settings').send({ ...current })).status).toBe(409);
    expect((await admin.put('/api/settings').send({ service_start: '19:00' })).status).toBe(400);
    expect((await admin.put('/api/settings').send({ eligibility_mode: 'everyone' })).status).toBe(400);
    // No Sunday (volunteers cannot be available then), and the body must be an object.
    expect((await admin.put('/api/settings').send({ service_weekdays: [6, 7] })).status).toBe(400);
    const versionBefore = (await admin.get('/api/settings')).body.version;
    for (const body of ['null', '1', '[]'])
      expect((await admin.put('/api/settings').set('Content-Type', 'application/json').send(body)).status, body).toBe(400);
    expect((await admin.get('/api/settings')).body.version).toBe(versionBefore);
    expect((await admin.put('/api/settings').send({ max_activity_minutes: 180 })).status).toBe(200);
    const coordinator = await t.as('coordinator');
    expect((await coordinator.get('/api/settings')).status).toBe(200);
    expect((await coordinator.put('/api/settings').send({ max_activity_minutes: 60 })).status).toBe(403);
    expect(await t.db.knex('audit_log').where({ resource: 'settings' }).first()).toBeTruthy();
  });
});

describe('timeline of edits and the web inbox', () => {
  it('writes an edit entry naming the fields that changed, none when nothing did', async () => {
    const agent = await t.as('coordinator');
    const r = await newRequest();
    const client = await createClient(t.db.knex);
    const linked = await agent.put(`/api/support-requests/${r.id}`).send({ version: r.version, client_id: client.id, ...SAT });
    expect(linked.status).toBe(200);
    const edits = await t.db.knex('request_events').where({ request_id: r.id, kind: 'edit' });
    expect(edits).toHaveLength(1);
    expect(edits[0].body).toMatch(/利用者/);
    const described = await agent
      .put(`/api/support-requests/${r.id}`)
      .send({ version: linked.body.version, description: '詳細を追記', category: 'welfare' });
    const after = await t.db.knex('request_events').where({ request_id: r.id, kind: 'edit' }).orderBy('id');
    expect(after).toHaveLength(2);
    expect(after[1].body).toMatch(/分野/);
    expect(after[1].body).not.toContain('詳細を追記');
    // The same entry as a code and the fields' names, for the console to word in its language.
    expect(after[1].message).toEqual({ code: 'edited', params: { fields: expect.arrayContaining(['category', 'description']) } });
    const listed = await agent.get('/api/request-events').query({ filter: JSON.stringify({ request_id: r.id }) });
    expect(listed.body.find((e: { id: number }) => e.id === after[1].id).message.code).toBe('edited');
    await agent.put(`/api/support-requests/${r.id}`).send({ ...described.body });
    expect((await t.db.knex('request_events').where({ request_id: r.id, kind: 'edit' })).map((e) => e.body)).toHaveLength(2);
  });

  it('lists requests not linked to a client with the unlinked filter', async () => {
    const agent = await t.as('coordinator');
    const linked = await newRequest();
    const [unlinked] = await t.db
      .knex('support_requests')
      .insert({ request_no: 'R-WEB-1', channel: 'web_form', category: 'medical', task_type: 'hospital' })
      .returning('id');
    const ids = (await agent.get('/api/support-requests').query({ filter: JSON.stringify({ unlinked: true }), range: '[0,499]' })).body.map(
      (r: { id: number }) => r.id,
    );
    expect(ids).toContain(unlinked.id);
    expect(ids).not.toContain(linked.id);
  });

  it("finds a web-form request by the sender's phone and e-mail also after an edit, and by part of its number", async () => {
    const agent = await t.as('coordinator');
    const made = await t.db
      .knex('support_requests')
      .insert({
        request_no: 'R-2026-09876',
        channel: 'web_form',
        category: 'medical',
        task_type: 'hospital',
        intake: JSON.stringify({ name: 'Olena K', email: 'olena@web.example', phone: '080-4444-5555' }),
      })
      .returning('*');
    await agent.put(`/api/support-requests/${made[0].id}`).send({ version: 1, place: '聖路加テスト棟' });
    const find = async (q: string) =>
      (await agent.get('/api/support-requests').query({ filter: JSON.stringify({ q }) })).body.map((r: { id: number }) => r.id);
    for (const q of ['olena@web', '08044445555', '０８０－４４４４', 'Olena', '2026-09876', '09876', '聖路加テスト棟'])
      expect(await find(q), q).toEqual([made[0].id]);
  });

  it("finds a resident's requests by their new name after the resident is renamed", async () => {
    const agent = await t.as('coordinator');
    const r = await newRequest();
    const client = (await t.db.knex('support_requests').where('id', r.id).first()).client_id;
    const current = (await agent.get(`/api/clients/${client}`)).body;
    expect(
      (await agent.put(`/api/clients/${client}`).send({ version: current.version, name: '改名 さくら', name_kana: 'カイメイ サクラ' }))
        .status,
    ).toBe(200);
    const found = await agent.get('/api/support-requests').query({ filter: JSON.stringify({ q: 'かいめい' }) });
    expect(found.body.map((x: { id: number }) => x.id)).toEqual([r.id]);
  });

  it('keeps the confirmed time with the confirmed assignment: the request alone cannot move it', async () => {
    const agent = await t.as('coordinator');
    const r = await newRequest(SAT);
    await move(r.id, 'checking');
    await move(r.id, 'matching');
    const volunteer = await createVolunteer(t.db.knex);
    const a = (await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: volunteer.id, status: 'confirmed' })).body;
    const confirmed = (await agent.get(`/api/support-requests/${r.id}`)).body;
    const moved = await agent
      .put(`/api/support-requests/${r.id}`)
      .send({ version: confirmed.version, start_at: '2026-03-07T13:00:00+09:00', end_at: '2026-03-07T14:00:00+09:00' });
    expect(moved.status).toBe(409);
    expect((await agent.put(`/api/support-requests/${r.id}`).send({ version: confirmed.version, place: '病院の正面玄関' })).status).toBe(
      200,
    );
    const viaAssignment = await agent
      .put(`/api/assignments/${a.id}`)
      .send({ version: a.version, start_at: '2026-03-07T13:00:00+09:00', end_at: '2026-03-07T14:00:00+09:00' });
    expect(viaAssignment.status, JSON.stringify(viaAssignment.body)).toBe(200);
    const after = await t.db.knex('support_requests').where('id', r.id).first();
    expect(new Date(after.start_at).toISOString()).toBe('2026-03-07T04:00:00.000Z');
    expect((await events(r.id)).at(-1)).toMatchObject({ kind: 'edit', body: '変更: 確定した日時' });
  });

  it('moves to matching only with an eligible resident linked, and never logs a request for an archived one', async () => {
    const agent = await t.as('coordinator');
    const unlinked = await t.db
      .knex('support_requests')
      .insert({ request_no: 'R-2026-09877', channel: 'web_form', category: 'medical', task_type: 'hospital' })
      .returning('id');
    await move(unlinked[0].id, 'checking');
    const refused = await move(unlinked[0].id, 'matching');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('利用者');
    expect((await t.db.knex('support_requests').where('id', unlinked[0].id).first()).status).toBe('checking');

    const archived = await createClient(t.db.knex);
    await t.db.knex('clients').where('id', archived.id).update({ archived_at: new Date() });
    const res = await agent
      .post('/api/support-requests')
      .send({ client_id: archived.id, channel: 'phone', category: 'medical', task_type: 'hospital' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('アーカイブ');
  });

  it('changes only the fields a partial PUT names, never resetting others to their defaults', async () => {
    const agent = await t.as('coordinator');
    const r = await newRequest({ mode: 'online' });
    const res = await agent.put(`/api/support-requests/${r.id}`).send({ version: r.version, description: '書類の確認' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'online', description: '書類の確認' });
    expect((await t.db.knex('support_requests').where('id', r.id).first()).mode).toBe('online');
  });
});
