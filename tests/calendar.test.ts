import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createClient, createRequest, createVolunteer } from './helpers/factories.js';

const t = useTestApp();

describe('calendar', () => {
  it('lists confirmed activities with filters, and serves a revocable private feed with number, task and ward only', async () => {
    const agent = await t.as('coordinator');
    const me = (await agent.get('/api/auth/me')).body;
    const client = await createClient(t.db.knex, { name: 'Calendar Resident' });
    const req = await createRequest(t.db.knex, {
      client_id: client.id,
      start_at: '2030-03-05T10:00:00+09:00',
      end_at: '2030-03-05T12:00:00+09:00',
    });
    await t.db.knex('support_requests').where('id', req.id).update({ place: '秘密クリニック', coordinator_id: me.id });
    const volunteer = await createVolunteer(t.db.knex);
    const a = (await agent.post('/api/assignments').send({ request_id: req.id, volunteer_id: volunteer.id })).body;
    expect((await agent.put(`/api/assignments/${a.id}`).send({ version: a.version, status: 'confirmed' })).status).toBe(200);

    const range = `start=${encodeURIComponent('2030-03-01T00:00:00+09:00')}&end=${encodeURIComponent('2030-04-01T00:00:00+09:00')}`;
    const events = await agent.get(`/api/calendar/events?${range}`);
    expect(events.status).toBe(200);
    expect(events.body).toEqual([expect.objectContaining({ request_id: req.id, title: expect.stringContaining(req.request_no) })]);
    expect(JSON.stringify(events.body)).not.toContain('秘密');
    expect((await agent.get(`/api/calendar/events?${range}&language=zz`)).body).toEqual([]);
    expect((await agent.get(`/api/calendar/events?${range}&coordinator_id=${me.id}`)).body).toHaveLength(1);
    expect((await agent.get('/api/calendar/events?start=x')).status).toBe(400);

    const made = await agent.post('/api/calendar/feed');
    expect(made.status).toBe(201);
    const path = new URL(made.body.url).pathname;
    const ics = await request(t.app).get(path);
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.text).toContain(req.request_no);
    expect(ics.text).toContain('DTSTART:20300305T010000Z');
    expect(ics.text).not.toMatch(/秘密|Calendar Resident/);
    // A new address replaces the old; revoking ends it.
    const second = await agent.post('/api/calendar/feed');
    expect((await request(t.app).get(path)).status).toBe(404);
    expect((await agent.delete('/api/calendar/feed')).status).toBe(200);
    expect((await request(t.app).get(new URL(second.body.url).pathname)).status).toBe(404);
  });
});
