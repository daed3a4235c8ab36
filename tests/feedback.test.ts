import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createClient, createRequest, createVolunteer } from './helpers/factories.js';

const t = useTestApp();

/** A resident's request carried through to done the way coordinators do it: confirm, then file the report. */
async function doneRequest(client: { email?: string | null; languages?: string[] }) {
  const agent = await t.as('coordinator');
  const c = await createClient(t.db.knex, { ...(client.email ? { email: client.email } : {}), languages: client.languages ?? ['en'] });
  const v = await createVolunteer(t.db.knex);
  const r = await createRequest(t.db.knex, {
    client_id: c.id,
    language: client.languages?.[0] ?? 'en',
    start_at: '2026-03-02T10:00:00+09:00',
    end_at: '2026-03-02T12:00:00+09:00',
  });
  const a = await agent.post('/api/assignments').send({ request_id: r.id, volunteer_id: v.id, status: 'confirmed' });
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  const filed = await agent.post('/api/activity-reports').send({
    request_id: r.id,
    actual_start_at: '2026-03-02T10:05:00+09:00',
    actual_end_at: '2026-03-02T11:50:00+09:00',
    outcome: 'resolved',
    summary: '受診に同行した。',
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  return { agent, client: c, request: r };
}

const tokenOf = (body: string) => /\/f\/([A-Za-z0-9_-]{43})/.exec(body)?.[1];

describe('residents’ feedback after the help', () => {
  it('asks a done request’s resident by e-mail in their language; the rating is stored once and shown to staff', async () => {
    const { agent, request: r } = await doneRequest({ email: `fb${Date.now()}@residents.example`, languages: ['en'] });
    const [message] = await t.db.knex('messages').where({ request_id: r.id, kind: 'feedback_request' });
    expect(message).toMatchObject({ language: 'en', subject: 'Spot Otonari-san: how was your help?' });
    const token = tokenOf(message.body)!;
    expect(token).toBeDefined();

    const page = await request(t.app).get(`/f/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('How was the help you received?');
    expect(page.headers['set-cookie']).toBeUndefined();

    const bad = await request(t.app).post(`/api/feedback-links/${token}`).send({ rating: 6 });
    expect(bad.status).toBe(400);
    expect(await t.db.knex('resident_feedback').where('request_id', r.id)).toHaveLength(0);
    // The page posted without a rating (a browser that ignores `required`): asked again, in English, not told the link is closed.
    const empty = await request(t.app).post(`/f/${token}`).type('form').send({ comment: 'no rating' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('role="alert"');
    expect(empty.text).toContain('How was the help you received?');
    expect(empty.text).toContain(`action="/f/${token}"`);
    expect(await t.db.knex('resident_feedback').where('request_id', r.id)).toHaveLength(0);

    const sent = await request(t.app).post(`/f/${token}`).type('form').send({ rating: '4', comment: 'Cảm ơn rất nhiều!' });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('Thank you');
    const stored = await t.db.knex('resident_feedback').where('request_id', r.id).first();
    expect(stored).toMatchObject({ rating: 4, comment: 'Cảm ơn rất nhiều!', language: 'en' });

    // Once only: the link is used.
    const again = await request(t.app).post(`/api/feedback-links/${token}`).send({ rating: 1 });
    expect(again.status).toBe(409);
    expect((await request(t.app).get(`/f/${token}`)).status).toBe(410);
    expect((await t.db.knex('resident_feedback').where('request_id', r.id).first()).rating).toBe(4);

    const shown = await agent.get(`/api/support-requests/${r.id}/feedback`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ rating: 4, comment: 'Cảm ơn rất nhiều!' });

    // Counted in the month's report: responses and the average rating.
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(new Date());
    const report = await (await t.as('secretariat')).get('/api/reports/monthly').query({ month });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const all = await t.db.knex('resident_feedback').select('rating');
    expect(report.body.counts.feedback_responses.value).toBe(all.length);
    const average = all.reduce((n: number, f: { rating: number }) => n + f.rating, 0) / all.length;
    expect(report.body.feedback_average.value).toBe(Math.round(average * 10) / 10);
  });

  it('a resident whose language has no catalogue is asked in やさしい日本語; no e-mail or a stop of use, no message', async () => {
    const easy = await doneRequest({ email: `fb-sw${Date.now()}@residents.example`, languages: ['sw'] });
    const [m] = await t.db.knex('messages').where({ request_id: easy.request.id, kind: 'feedback_request' });
    expect(m.language).toBe('ja-easy');
    const page = await request(t.app).get(`/f/${tokenOf(m.body)}`);
    expect(page.text).toContain('てつだいは どうでしたか');

    const none = await doneRequest({ email: null });
    expect(await t.db.knex('messages').where({ request_id: none.request.id, kind: 'feedback_request' })).toHaveLength(0);
    expect((await none.agent.get(`/api/support-requests/${none.request.id}/feedback`)).body).toBeNull();

    expect((await request(t.app).get(`/f/${'x'.repeat(43)}`)).status).toBe(404);
  });
});
