import { describe, expect, it } from 'vitest';
import { Outbox } from '../server/messages/outbox.js';
import { useTestApp } from './helpers/app.js';
import { createRequest, createVolunteer } from './helpers/factories.js';

// The embedded default: no SMTP_URL. Nothing pretends to be sent.
const t = useTestApp({
  outbox: async (db) => {
    const outbox = new Outbox(db, {
      mail: { from: 'スポットおとなりさん <office@otonari.example>', publicBaseUrl: 'http://localhost:3000' },
      pollingSeconds: 0.5,
    });
    await outbox.start();
    return outbox;
  },
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('without SMTP_URL', () => {
  it('holds messages for sending by hand, with their text and address', async () => {
    const agent = await t.as('coordinator');
    const req = await createRequest(t.db.knex, { start_at: '2030-03-05T10:00:00+09:00', end_at: '2030-03-05T12:00:00+09:00' });
    const volunteer = await createVolunteer(t.db.knex);
    await t.db.knex('volunteers').where('id', volunteer.id).update({ email: 'held@volunteers.example' });
    const a = (await agent.post('/api/assignments').send({ request_id: req.id, volunteer_id: volunteer.id })).body;
    const offer = await agent.post(`/api/assignments/${a.id}/offer`);
    expect(offer.status).toBe(201);
    let row = await t.db.knex('messages').where('id', offer.body.id).first();
    while (row.status === 'queued') {
      await sleep(100);
      row = await t.db.knex('messages').where('id', offer.body.id).first();
    }
    expect(row).toMatchObject({ status: 'held', attempts: 0, sent_at: null, address: 'held@volunteers.example', job_id: null });
    const shown = await agent.get(`/api/messages/${row.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.body).toContain('http://localhost:3000/v/');
    // A held message cannot be "retried" into sending; it can be cancelled once handled.
    expect((await agent.post(`/api/messages/${row.id}/retry`)).status).toBe(409);
    expect((await agent.post(`/api/messages/${row.id}/cancel`)).status).toBe(200);
  });
});
