import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createRequest, createVolunteer } from './helpers/factories.js';

const t = useTestApp();

const warnings = async (id: number) => {
  const res = await (await t.as('coordinator')).get(`/api/support-requests/${id}/warnings`);
  expect(res.status).toBe(200);
  return res.body as { code: string; message: string }[];
};

async function confirm(requestId: number, volunteerId: number, start: string, end: string) {
  await t.db.knex('support_requests').where('id', requestId).update({ start_at: start, end_at: end, status: 'confirmed' });
  await t.db
    .knex('assignments')
    .insert({ request_id: requestId, volunteer_id: volunteerId, status: 'confirmed', start_at: start, end_at: end });
}

describe('warnings by task (not refusals)', () => {
  it('warns of a ward office on a Saturday and shows the ward’s notes beside a check-up', async () => {
    const admin = await t.as('admin');
    const notes = await admin.put('/api/municipalities/131105/notes').send({ notes: '乳幼児健診は毎月第2・第4火曜' });
    expect(notes.status, JSON.stringify(notes.body)).toBe(200);
    expect((await (await t.as('coordinator')).put('/api/municipalities/131105/notes').send({ notes: 'x' })).status).toBe(403);
    const saturday = await createRequest(t.db.knex, {
      task_type: 'ward_office',
      start_at: '2026-03-07T10:00:00+09:00',
      end_at: '2026-03-07T11:00:00+09:00',
    });
    expect((await warnings(saturday.id)).map((w) => w.code)).toEqual(['ward_office_saturday']);
    const checkup = await createRequest(t.db.knex, { task_type: 'child_health_checkup' });
    const [w] = await warnings(checkup.id);
    expect(w).toEqual({ code: 'child_health_checkup_days', message: expect.stringContaining('目黒区: 乳幼児健診は毎月第2・第4火曜') });
    // A warning, not a refusal: the request saves all the same.
    const agent = await t.as('coordinator');
    const current = (await agent.get(`/api/support-requests/${saturday.id}`)).body;
    expect((await agent.put(`/api/support-requests/${saturday.id}`).send({ ...current, place: '区役所' })).status).toBe(200);
  });

  it('warns of transport on an online request', async () => {
    const online = await createRequest(t.db.knex, { mode: 'online', task_type: 'school_meeting' });
    expect(await warnings(online.id)).toEqual([]);
    await (await t.as('coordinator')).post('/api/expenses').send({ request_id: online.id, kind: 'transport', amount_yen: 420 });
    expect((await warnings(online.id)).map((w) => w.code)).toEqual(['online_transport']);
  });

  it('warns when the same volunteer has under 60 minutes to travel to another municipality: 59 warns, 60 does not', async () => {
    const v = await createVolunteer(t.db.knex, { service_municipality_codes: ['131105', '131091'] });
    const before = await createRequest(t.db.knex, { municipality_code: '131091' });
    await confirm(before.id, v.id, '2026-03-02T09:00:00+09:00', '2026-03-02T10:00:00+09:00');
    const tight = await createRequest(t.db.knex, { municipality_code: '131105' });
    await confirm(tight.id, v.id, '2026-03-02T10:59:00+09:00', '2026-03-02T12:00:00+09:00');
    expect((await warnings(tight.id)).map((w) => w.code)).toEqual(['travel_time']);
    await t.db.knex('assignments').where('request_id', tight.id).update({ start_at: '2026-03-02T11:00:00+09:00' });
    await t.db.knex('support_requests').where('id', tight.id).update({ start_at: '2026-03-02T11:00:00+09:00' });
    expect(await warnings(tight.id)).toEqual([]);

    // The candidate list warns the same way for a volunteer who is still to be chosen.
    const next = await createRequest(t.db.knex, {
      municipality_code: '131105',
      start_at: '2026-03-02T10:30:00+09:00',
      end_at: '2026-03-02T10:45:00+09:00',
    });
    const list = (await (await t.as('coordinator')).get(`/api/support-requests/${next.id}/candidates`)).body as {
      volunteer_id: number;
      warnings: { code: string }[];
    }[];
    expect(list.find((c) => c.volunteer_id === v.id)?.warnings.map((w) => w.code)).toContain('travel_time');
  });
});
