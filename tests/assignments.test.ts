import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createRequest, createVolunteer } from './helpers/factories.js';

const t = useTestApp();

const at = (day: string, from: string, to: string) => ({ start_at: `${day}T${from}:00+09:00`, end_at: `${day}T${to}:00+09:00` });
const requestStatus = async (id: number) => (await t.db.knex('support_requests').where('id', id).first()).status;

describe('assignments', () => {
  it('walks proposed → contacted → accepted → confirmed, moving the request and writing the timeline', async () => {
    const agent = await t.as('coordinator');
    const v = await createVolunteer(t.db.knex);
    const r = await createRequest(t.db.knex);
    const proposed = await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: v.id });
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe('proposed');
    let a = proposed.body;
    for (const status of ['contacted', 'accepted', 'confirmed']) {
      const res = await agent.put(`/api/assignments/${a.id}`).send({ ...a, status });
      expect(res.status, status).toBe(200);
      a = res.body;
    }
    expect(a).toMatchObject({ status: 'confirmed', start_at: '2026-03-02T10:00:00+09:00', end_at: '2026-03-02T12:00:00+09:00' });
    expect(a.confirmed_at).toBeTruthy();
    expect(await requestStatus(r.id)).toBe('confirmed');
    const timeline = await t.db.knex('request_events').where('request_id', r.id).orderBy('id');
    expect(timeline.filter((e) => e.kind === 'assignment_change').map((e) => e.body.split(': ')[1])).toEqual([
      '候補',
      '候補 → 連絡済み',
      '連絡済み → 承諾',
      '承諾 → 確定',
    ]);
    expect(timeline.at(-1)).toMatchObject({ kind: 'status_change', from_status: 'matching', to_status: 'confirmed' });
  });

  it('creates an assignment directly as confirmed with its own time, checked by the service rules', async () => {
    const agent = await t.as('coordinator');
    const v = await createVolunteer(t.db.knex);
    const r = await createRequest(t.db.knex, { start_at: null, end_at: null });
    const noTime = await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: v.id, status: 'confirmed' });
    expect(noTime.status).toBe(400);
    const sunday = await agent
      .post('/api/assignments')
      .send({ request_id: r.id, volunteer_id: v.id, status: 'confirmed', ...at('2026-03-08', '10:00', '11:00') });
    expect(sunday.status).toBe(400);
    const ok = await agent
      .post('/api/assignments')
      .send({ request_id: r.id, volunteer_id: v.id, status: 'confirmed', ...at('2026-03-07', '10:00', '11:00') });
    expect(ok.status).toBe(201);
    const request = await t.db.knex('support_requests').where('id', r.id).first();
    expect(request.status).toBe('confirmed');
    expect(new Date(request.start_at).toISOString()).toBe('2026-03-07T01:00:00.000Z');
  });

  it('checks a time proposed before confirmation by the same rules: a Sunday or 4.5 hours is a 400', async () => {
    const agent = await t.as('coordinator');
    const v = await createVolunteer(t.db.knex);
    const r = await createRequest(t.db.knex, { start_at: null, end_at: null });
    const sunday = await agent
      .post('/api/assignments')
      .send({ request_id: r.id, volunteer_id: v.id, ...at('2026-03-08', '10:00', '11:00') });
    expect(sunday.status).toBe(400);
    const long = await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: v.id, ...at('2026-03-07', '09:00', '13:30') });
    expect(long.status).toBe(400);
    expect(long.body.errors.end_at).toBeTruthy();
    const ok = (await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: v.id, ...at('2026-03-07', '10:00', '11:00') }))
      .body;
    expect(ok.status).toBe('proposed');
    const moved = await agent.put(`/api/assignments/${ok.id}`).send({ version: ok.version, ...at('2026-03-08', '10:00', '11:00') });
    expect(moved.status).toBe(400);
    expect(await t.db.knex('assignments').where('request_id', r.id).pluck('id')).toEqual([ok.id]);
    // Assignments are history: never deleted (409), and not by those who may not delete at all (403).
    const deleted = await agent.delete(`/api/assignments/${ok.id}`);
    expect(deleted.status).toBe(409);
    expect(deleted.body.message).toContain('削除できません');
    expect((await (await t.as('volunteer_staff')).delete(`/api/assignments/${ok.id}`)).status).toBe(403);
    expect(await t.db.knex('assignments').where('id', ok.id).first()).toBeTruthy();
  });

  it('refuses assignments for requests not in matching, and illegal status moves', async () => {
    const agent = await t.as('coordinator');
    const v = await createVolunteer(t.db.knex);
    const checking = await createRequest(t.db.knex, { status: 'checking' });
    expect((await agent.post('/api/assignments').send({ request_id: checking.id, volunteer_id: v.id })).status).toBe(409);
    const r = await createRequest(t.db.knex);
    const a = (await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: v.id })).body;
    const declined = (await agent.put(`/api/assignments/${a.id}`).send({ version: a.version, status: 'declined' })).body;
    expect((await agent.put(`/api/assignments/${a.id}`).send({ version: declined.version, status: 'confirmed' })).status).toBe(409);
    const other = await createVolunteer(t.db.knex);
    expect((await agent.put(`/api/assignments/${a.id}`).send({ version: declined.version, volunteer_id: other.id })).status).toBe(400);
  });

  it('refuses to confirm a volunteer without a valid ID check or not active', async () => {
    const agent = await t.as('coordinator');
    const r = await createRequest(t.db.knex);
    const expired = await createVolunteer(t.db.knex, { id_check_valid_until: '2026-01-01' });
    expect((await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: expired.id, status: 'confirmed' })).status).toBe(
      409,
    );
    // A check passed long ago, then failed: not confirmable however long the old pass would run.
    const failed = await createVolunteer(t.db.knex);
    const staff = await t.as('volunteer_staff');
    const check = (checked_on: string, result: string) =>
      staff.post('/api/id-checks').send({
        volunteer_id: failed.id,
        checked_on,
        method: 'in_person',
        document_type: 'passport',
        result,
        valid_until: result === 'passed' ? '2028-01-10' : null,
      });
    expect((await check('2025-01-10', 'passed')).status).toBe(201);
    expect((await check('2026-02-01', 'failed')).status).toBe(201);
    expect((await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: failed.id, status: 'confirmed' })).status).toBe(
      409,
    );
    const paused = await createVolunteer(t.db.knex, { status: 'paused' });
    expect((await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: paused.id, status: 'confirmed' })).status).toBe(
      409,
    );
    expect(await requestStatus(r.id)).toBe('matching');
  });

  it('never double-books: one confirmed per request, no overlap per volunteer, adjacent fine, cancel frees', async () => {
    const agent = await t.as('coordinator');
    const v = await createVolunteer(t.db.knex);
    const w = await createVolunteer(t.db.knex);
    const r1 = await createRequest(t.db.knex, at('2026-03-03', '09:00', '11:00'));
    const a1 = (await agent.post('/api/assignments').send({ request_id: r1.id, volunteer_id: v.id, status: 'confirmed' })).body;
    expect(a1.status).toBe('confirmed');
    // The same request cannot confirm a second volunteer.
    const second = await agent.post('/api/assignments').send({ request_id: r1.id, volunteer_id: w.id, status: 'confirmed' });
    expect(second.status).toBe(409);
    // The same volunteer cannot be confirmed for an overlapping time…
    const r2 = await createRequest(t.db.knex, at('2026-03-03', '10:30', '12:00'));
    const overlap = await agent.post('/api/assignments').send({ request_id: r2.id, volunteer_id: v.id, status: 'confirmed' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.message).toMatch(/すでに別の活動/);
    expect(await requestStatus(r2.id)).toBe('matching');
    // …but can for the adjacent slot.
    const r3 = await createRequest(t.db.knex, at('2026-03-03', '11:00', '12:00'));
    expect((await agent.post('/api/assignments').send({ request_id: r3.id, volunteer_id: v.id, status: 'confirmed' })).status).toBe(201);
    // Cancelling the first confirmation frees the slot and puts its request back in matching.
    const cancelled = await agent.put(`/api/assignments/${a1.id}`).send({ version: a1.version, status: 'cancelled' });
    expect(cancelled.status).toBe(200);
    expect(await requestStatus(r1.id)).toBe('matching');
    expect(
      (
        await agent
          .post('/api/assignments')
          .send({ request_id: r2.id, volunteer_id: v.id, status: 'confirmed', ...at('2026-03-03', '09:00', '10:30') })
      ).status,
    ).toBe(201);
  });

  it('cancelling the request cancels its assignments and frees the volunteer', async () => {
    const agent = await t.as('coordinator');
    const v = await createVolunteer(t.db.knex);
    const r = await createRequest(t.db.knex, at('2026-03-04', '09:00', '11:00'));
    const a = (await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: v.id, status: 'confirmed' })).body;
    expect((await agent.post(`/api/support-requests/${r.id}/status`).send({ status: 'cancelled', reason: '本人の体調不良' })).status).toBe(
      200,
    );
    expect((await t.db.knex('assignments').where('id', a.id).first()).status).toBe('cancelled');
  });

  it('moves a confirmed time only to a day the volunteer may still be confirmed for', async () => {
    const agent = await t.as('coordinator');
    const v = await createVolunteer(t.db.knex, { id_check_valid_until: '2026-03-10' });
    const r = await createRequest(t.db.knex, at('2026-03-07', '10:00', '12:00'));
    const a = (await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: v.id, status: 'confirmed' })).body;
    const late = await agent.put(`/api/assignments/${a.id}`).send({ version: a.version, ...at('2026-03-21', '10:00', '12:00') });
    expect(late.status).toBe(409);
    expect(new Date((await t.db.knex('support_requests').where('id', r.id).first()).start_at).toISOString()).toBe(
      '2026-03-07T01:00:00.000Z',
    );
    expect((await agent.put(`/api/assignments/${a.id}`).send({ version: a.version, ...at('2026-03-09', '10:00', '12:00') })).status).toBe(
      200,
    );
    // The outreach text names the place: for those who write to volunteers, not for volunteer staff.
    expect((await (await t.as('volunteer_staff')).get(`/api/assignments/${a.id}/message`)).status).toBe(403);
  });

  it('builds an outreach message without the resident contact details or special-care notes', async () => {
    const agent = await t.as('coordinator');
    const v = await createVolunteer(t.db.knex, { name: '山本 さくら' });
    const r = await createRequest(t.db.knex, at('2026-03-07', '10:00', '12:00'));
    await t.db.knex('clients').where('id', r.client_id).update({
      phone: '080-1111-2222',
      email: 'resident@example.com',
      consent_at: new Date(),
      sensitive_consent_at: new Date(),
      special_care_notes: '難民認定申請中',
    });
    await t.db.knex('support_requests').where('id', r.id).update({ place: '目黒区役所 2 階' });
    const a = (await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: v.id })).body;
    const res = await agent.get(`/api/assignments/${a.id}/message`);
    expect(res.status).toBe(200);
    expect(res.body.subject).toContain(r.request_no);
    expect(res.body.body).toContain('山本 さくら さま');
    expect(res.body.body).toContain('2026年3月7日(土) 10:00〜12:00');
    expect(res.body.body).toContain('病院への受診同行');
    expect(res.body.body).toContain('目黒区役所 2 階');
    expect(res.body.body).toContain('英語');
    const everything = JSON.stringify(res.body);
    for (const secret of ['080-1111-2222', '08011112222', 'resident@example.com', '難民', 'Client '])
      expect(everything).not.toContain(secret);
    expect(res.body.mailto).toMatch(/^mailto:/);
  });
});

// PGlite has one connection, so nothing there is simultaneous: these run against PostgreSQL.
describe.skipIf(!process.env.TEST_DATABASE_URL)('concurrent confirmations (PostgreSQL)', () => {
  it('lets exactly one of 20 simultaneous overlapping confirmations of one volunteer succeed', async () => {
    const coordinators = await Promise.all([t.as('coordinator'), t.as('admin')]);
    const v = await createVolunteer(t.db.knex);
    const requests = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createRequest(t.db.knex, at('2026-04-06', `${String(9 + (i % 3)).padStart(2, '0')}:00`, '12:00')),
      ),
    );
    const results = await Promise.all(
      requests.map((r, i) =>
        coordinators[i % 2]!.post('/api/assignments').send({ request_id: r.id, volunteer_id: v.id, status: 'confirmed' }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const overlaps = await t.db.knex.raw(`
      select count(*) as n from assignments a join assignments b
        on a.volunteer_id = b.volunteer_id and a.id < b.id
       and a.status = 'confirmed' and b.status = 'confirmed'
       and tstzrange(a.start_at, a.end_at, '[)') && tstzrange(b.start_at, b.end_at, '[)')`);
    expect(Number(overlaps.rows[0].n)).toBe(0);
    const confirmedRequests = await t.db
      .knex('support_requests')
      .whereIn(
        'id',
        requests.map((r) => r.id),
      )
      .where('status', 'confirmed');
    expect(confirmedRequests).toHaveLength(1);
  });

  it('lets exactly one of 2 volunteers be confirmed for one request at the same instant', async () => {
    const [a, b] = await Promise.all([t.as('coordinator'), t.as('admin')]);
    const r = await createRequest(t.db.knex, at('2026-04-07', '09:00', '10:00'));
    const [v1, v2] = await Promise.all([createVolunteer(t.db.knex), createVolunteer(t.db.knex)]);
    const results = await Promise.all([
      a!.post('/api/assignments').send({ request_id: r.id, volunteer_id: v1.id, status: 'confirmed' }),
      b!.post('/api/assignments').send({ request_id: r.id, volunteer_id: v2.id, status: 'confirmed' }),
    ]);
    expect(results.map((x) => x.status).sort()).toEqual([201, 409]);
    expect(await t.db.knex('assignments').where({ request_id: r.id, status: 'confirmed' })).toHaveLength(1);
  });
});
