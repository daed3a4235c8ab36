import { afterAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { ParsedMail } from 'mailparser';
import { Outbox } from '../server/messages/outbox.js';
import { reminderTime } from '../server/messages/notify.js';
import { RESIDENT_TEXTS } from '../server/messages/resident-texts.js';
import { useTestApp } from './helpers/app.js';
import { createClient, createRequest, createVolunteer } from './helpers/factories.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';

let smtp: TestSmtp;
const BASE = 'https://office.otonari.example';

const t = useTestApp({
  outbox: async (db) => {
    smtp = await startSmtp();
    const outbox = new Outbox(db, {
      mail: { smtpUrl: smtp.url, from: 'スポットおとなりさん <office@otonari.example>', publicBaseUrl: BASE },
      retryLimit: 2,
      retryDelaySeconds: 1,
      pollingSeconds: 0.5,
    });
    await outbox.start();
    return outbox;
  },
});
afterAll(() => smtp?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(read: () => Promise<T | undefined | null | false>): Promise<T> {
  for (;;) {
    const v = await read();
    if (v) return v;
    await sleep(100);
  }
}
const messageRow = (id: number) => t.db.knex('messages').where('id', id).first();
const waitStatus = (id: number, status: string) => until(async () => ((await messageRow(id))?.status === status ? messageRow(id) : null));
const mailFor = (address: string, subject: RegExp) =>
  until(async () => smtp.mails.find((m) => (m.to as { text: string }).text.includes(address) && subject.test(m.subject ?? '')));
const mailsWithId = (messageId: string) => smtp.mails.filter((m) => m.messageId === messageId);
const linkIn = (mail: ParsedMail) => /\/v\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')![1]!;

let seq = 0;
/** A matching request in 2030 (Tuesday 10:00–12:00) at a clinic, with a volunteer proposed for it. */
async function proposed(options: { clientEmail?: string; language?: string } = {}) {
  seq++;
  const agent = await t.as('coordinator');
  const me = (await agent.get('/api/auth/me')).body;
  const client = await createClient(t.db.knex, { name: `Maria Santos${seq}`, phone: '090-1111-2222', email: options.clientEmail });
  const req = await createRequest(t.db.knex, {
    client_id: client.id,
    language: options.language ?? 'en',
    start_at: '2030-03-05T10:00:00+09:00',
    end_at: '2030-03-05T12:00:00+09:00',
  });
  await t.db
    .knex('support_requests')
    .where('id', req.id)
    .update({ place: '新宿ひまわりクリニック 3階', coordinator_id: me.id ?? me.staff?.id });
  const volunteer = await createVolunteer(t.db.knex);
  const email = `vol${seq}-${Date.now()}@volunteers.example`;
  await t.db.knex('volunteers').where('id', volunteer.id).update({ email });
  const created = await agent.post('/api/assignments').send({ request_id: req.id, volunteer_id: volunteer.id });
  expect(created.status).toBe(201);
  return { agent, req, client, volunteer, email, assignment: created.body as { id: number; version: number } };
}

async function offered(options: Parameters<typeof proposed>[0] = {}) {
  const p = await proposed(options);
  const res = await p.agent.post(`/api/assignments/${p.assignment.id}/offer`);
  expect(res.status).toBe(201);
  const mail = await mailFor(p.email, /活動のご相談/);
  return { ...p, message: res.body as { id: number }, mail, token: linkIn(mail) };
}

describe('offers by e-mail', () => {
  it('queue a message in the same write, move the assignment to contacted, and arrive without the place or the resident', async () => {
    const p = await offered();
    const a = await t.db.knex('assignments').where('id', p.assignment.id).first();
    expect(a.status).toBe('contacted');
    const row = await waitStatus(p.message.id, 'sent');
    expect(row).toMatchObject({ kind: 'offer', volunteer_id: p.volunteer.id, request_id: p.req.id, attempts: 1, address: p.email });
    expect(p.mail.subject).toBe(`【スポットおとなりさん】活動のご相談 (${p.req.request_no})`);
    expect(p.mail.from?.text).toContain('office@otonari.example');
    const text = p.mail.text ?? '';
    expect(text).toContain('2030年3月5日(火) 10:00〜12:00');
    expect(text).toContain(`${BASE}/v/${p.token}`);
    for (const secret of ['ひまわり', 'クリニック', 'Maria', '090-1111-2222']) expect(text).not.toContain(secret);
    expect(p.mail.messageId).toMatch(/^<otonari-[0-9a-f-]+@otonari\.example>$/);
    // Only a hash of the token is stored.
    const links = await t.db.knex('volunteer_links').where('assignment_id', p.assignment.id);
    expect(links).toHaveLength(1);
    expect(JSON.stringify(links)).not.toContain(p.token);
  });

  it('the link shows the offer without the place; accepting moves the assignment, a double tap is harmless', async () => {
    const p = await offered();
    const view = await request(t.app).get(`/api/volunteer-links/${p.token}`);
    expect(view.status).toBe(200);
    expect(view.headers['set-cookie']).toBeUndefined();
    expect(view.body).toMatchObject({ purpose: 'offer', state: 'open', activity: { task: expect.any(String), area: expect.any(String) } });
    expect(JSON.stringify(view.body)).not.toMatch(/ひまわり|Maria|090/);
    const html = await request(t.app).get(`/v/${p.token}`);
    expect(html.status).toBe(200);
    expect(html.text).toContain('引き受ける');
    expect(html.text).not.toContain('ひまわり');

    const first = await request(t.app)
      .post(`/api/volunteer-links/${p.token}/answer`)
      .send({ answer: 'accept', comment: '駅から向かいます' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ answer: 'accept', repeated: false });
    const again = await request(t.app).post(`/api/volunteer-links/${p.token}/answer`).send({ answer: 'accept' });
    expect(again.status).toBe(200);
    expect(again.body.repeated).toBe(true);
    const other = await request(t.app).post(`/api/volunteer-links/${p.token}/answer`).send({ answer: 'decline' });
    expect(other.status).toBe(409);
    expect(other.body.message).toContain('すでに回答');

    expect((await t.db.knex('assignments').where('id', p.assignment.id).first()).status).toBe('accepted');
    const events = await t.db.knex('request_events').where('request_id', p.req.id).orderBy('id');
    expect(events.map((e) => e.body).join('\n')).toContain('駅から向かいます');
    const link = await t.db.knex('volunteer_links').where('assignment_id', p.assignment.id).first();
    expect(link).toMatchObject({ answer: 'accept', seen_at: null });
    expect((await request(t.app).get(`/api/volunteer-links/${p.token}`)).body.state).toBe('answered');

    // The coordinator's badge: the answer is listed as unseen until someone opens the request.
    const unseen = async () =>
      (await p.agent.get('/api/assignments').query({ filter: JSON.stringify({ unseen_answer: true }), range: '[0,499]' })).body.map(
        (a: { id: number }) => a.id,
      );
    expect(await unseen()).toContain(p.assignment.id);
    const seen = await p.agent.post(`/api/support-requests/${p.req.id}/answers-seen`);
    expect(seen.body).toEqual({ seen: 1 });
    expect(await unseen()).not.toContain(p.assignment.id);
    expect((await p.agent.post(`/api/support-requests/${p.req.id}/answers-seen`)).body).toEqual({ seen: 0 });
    const entry = await t.db
      .knex('audit_log')
      .where({ resource: 'support-requests', record_id: String(p.req.id) })
      .whereRaw(`'answers_seen' = any(changed_fields)`);
    expect(entry).toHaveLength(1);
  });

  it('declining through the page form', async () => {
    const p = await offered();
    const res = await request(t.app).post(`/v/${p.token}/answer`).type('form').send({ answer: 'decline', comment: '' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('ご回答ありがとうございました');
    expect((await t.db.knex('assignments').where('id', p.assignment.id).first()).status).toBe('declined');
  });

  it('an expired link, a revoked one and an unknown one say so politely', async () => {
    const p = await offered();
    await t.db
      .knex('volunteer_links')
      .where('assignment_id', p.assignment.id)
      .update({ expires_at: new Date(Date.now() - 1000) });
    expect((await request(t.app).get(`/api/volunteer-links/${p.token}`)).body.state).toBe('expired');
    const late = await request(t.app).post(`/api/volunteer-links/${p.token}/answer`).send({ answer: 'accept' });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('有効期限');
    expect((await t.db.knex('assignments').where('id', p.assignment.id).first()).status).toBe('contacted');

    const q = await offered();
    const a = (await q.agent.get(`/api/assignments/${q.assignment.id}`)).body;
    expect((await q.agent.put(`/api/assignments/${a.id}`).send({ version: a.version, status: 'cancelled' })).status).toBe(200);
    const revoked = await request(t.app).post(`/api/volunteer-links/${q.token}/answer`).send({ answer: 'accept' });
    expect(revoked.status).toBe(409);
    expect(revoked.body.message).toContain('使えなくなりました');
    expect((await request(t.app).get(`/v/${q.token}`)).text).toContain('使えなくなりました');

    // A second offer replaces the first link.
    const r = await offered();
    const second = await r.agent.post(`/api/assignments/${r.assignment.id}/offer`);
    expect(second.status).toBe(201);
    expect((await request(t.app).get(`/api/volunteer-links/${r.token}`)).body.state).toBe('revoked');

    const unknown = await request(t.app).get(`/api/volunteer-links/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('無効');
    const bad = await request(t.app).post(`/api/volunteer-links/${r.token}/answer`).send({ answer: 'maybe' });
    expect(bad.status).toBe(400);
  });

  it('is refused for a volunteer without e-mail, and for staff without the right', async () => {
    const p = await proposed();
    await t.db.knex('volunteers').where('id', p.volunteer.id).update({ email: null });
    const res = await p.agent.post(`/api/assignments/${p.assignment.id}/offer`);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('メールアドレス');
    expect(await t.db.knex('messages').where('assignment_id', p.assignment.id)).toHaveLength(0);
    const staff = await t.as('volunteer_staff');
    expect((await staff.post(`/api/assignments/${p.assignment.id}/offer`)).status).toBe(403);
    expect((await staff.get('/api/messages')).status).toBe(403);
  });
});

describe('residents’ feedback by e-mail', () => {
  it('asks the resident in their language once the request is done; the link takes one answer', async () => {
    const agent = await t.as('coordinator');
    const address = `feedback${Date.now()}@residents.example`;
    const client = await createClient(t.db.knex, { email: address, languages: ['vi'] });
    const volunteer = await createVolunteer(t.db.knex);
    const req = await createRequest(t.db.knex, {
      client_id: client.id,
      language: 'vi',
      start_at: '2026-03-02T10:00:00+09:00',
      end_at: '2026-03-02T12:00:00+09:00',
    });
    const confirmed = await agent.post('/api/assignments').send({ request_id: req.id, volunteer_id: volunteer.id, status: 'confirmed' });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    const filed = await agent.post('/api/activity-reports').send({
      request_id: req.id,
      actual_start_at: '2026-03-02T10:05:00+09:00',
      actual_end_at: '2026-03-02T11:50:00+09:00',
      outcome: 'resolved',
      summary: '受診に同行した。',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);

    const subject = RESIDENT_TEXTS.vi!.feedback.subject;
    const mail = await mailFor(address, new RegExp(subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const token = /\/f\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')?.[1];
    expect(mail.text).toContain(`${BASE}/f/`);
    expect((await request(t.app).get(`/f/${token}`)).status).toBe(200);
    expect((await request(t.app).post(`/api/feedback-links/${token}`).send({ rating: 5, comment: 'Rất tốt' })).status).toBe(201);
    expect((await request(t.app).post(`/api/feedback-links/${token}`).send({ rating: 1 })).status).toBe(409);
    expect(await t.db.knex('resident_feedback').where('request_id', req.id).first()).toMatchObject({ rating: 5, language: 'vi' });
  });
});

describe('confirmation, reminders and cancellation', () => {
  it('sends the volunteer the details with a valid .ics, the resident a confirmation in their language, and schedules reminders', async () => {
    const p = await offered({ clientEmail: `maria${Date.now()}@residents.example`, language: 'en' });
    await request(t.app).post(`/api/volunteer-links/${p.token}/answer`).send({ answer: 'accept' });
    const a = (await p.agent.get(`/api/assignments/${p.assignment.id}`)).body;
    const confirmed = await p.agent.put(`/api/assignments/${a.id}`).send({ version: a.version, status: 'confirmed' });
    expect(confirmed.status).toBe(200);

    const mail = await mailFor(p.email, /確定/);
    expect(mail.text).toContain('新宿ひまわりクリニック 3階');
    expect(mail.text).toContain('Maria');
    expect(mail.text).not.toContain('090-1111-2222');
    const ics = mail.attachments.find((x) => x.filename?.endsWith('.ics'));
    expect(ics).toBeDefined();
    const calendar = ics!.content.toString('utf8');
    expect(calendar).toContain('BEGIN:VEVENT');
    expect(calendar).toMatch(/DTSTART:20300305T010000Z/);
    expect(calendar).toMatch(/DTEND:20300305T030000Z/);

    const clientEmail = (await t.db.knex('clients').where('id', p.client.id).first()).email;
    const resident = await mailFor(clientEmail, /arranged/);
    expect(resident.text).toContain('2030-03-05 10:00–12:00 (Japan time)');

    const reminders = await t.db
      .knex('messages')
      .where('assignment_id', p.assignment.id)
      .whereIn('kind', ['reminder', 'resident_reminder']);
    expect(reminders).toHaveLength(2);
    for (const r of reminders) {
      expect(r.status).toBe('queued');
      expect(new Date(r.send_after).toISOString()).toBe('2030-03-04T09:00:00.000Z'); // 18:00 Japan time the day before
    }
    // The clock reaches the reminder time: the queue releases the jobs.
    await t.db.knex.raw(
      `update pgboss.job set start_after = now() where id::text in (${reminders.map(() => '?').join(',')})`,
      reminders.map((r) => r.job_id),
    );
    const reminder = await mailFor(p.email, /明日の活動/);
    expect(reminder.text).toContain('新宿ひまわりクリニック');
    await mailFor(clientEmail, /tomorrow/);

    // Cancelling tells both.
    const now = (await p.agent.get(`/api/assignments/${a.id}`)).body;
    expect((await p.agent.put(`/api/assignments/${a.id}`).send({ version: now.version, status: 'cancelled' })).status).toBe(200);
    await mailFor(p.email, /取り消し/);
    await mailFor(clientEmail, /cancelled/);
  });

  it('sends nothing to a volunteer or resident who asked us to stop contacting them', async () => {
    const p = await proposed({ clientEmail: `stop${Date.now()}@residents.example`, language: 'en' });
    const stop = { contact_stopped_at: new Date(), contact_stop_reason: '本人の申し出' };
    await t.db.knex('volunteers').where('id', p.volunteer.id).update(stop);
    const refused = await p.agent.post(`/api/assignments/${p.assignment.id}/offer`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('連絡停止');
    expect(await t.db.knex('messages').where('assignment_id', p.assignment.id)).toHaveLength(0);
    await t.db.knex('volunteers').where('id', p.volunteer.id).update({ contact_stopped_at: null, contact_stop_reason: null });
    await t.db.knex('clients').where('id', p.client.id).update(stop);
    const a = (await p.agent.get(`/api/assignments/${p.assignment.id}`)).body;
    expect((await p.agent.put(`/api/assignments/${a.id}`).send({ version: a.version, status: 'confirmed' })).status).toBe(200);
    const kinds = (await t.db.knex('messages').where('assignment_id', a.id)).map((m: { kind: string }) => m.kind);
    expect(kinds).toContain('confirmation');
    expect(kinds.filter((k) => k.startsWith('resident_'))).toEqual([]);
  });

  it('a resident whose language has no catalogue gets やさしい日本語', async () => {
    const p = await proposed({ clientEmail: `amani${Date.now()}@residents.example`, language: 'sw' });
    const a = (await p.agent.get(`/api/assignments/${p.assignment.id}`)).body;
    expect((await p.agent.put(`/api/assignments/${a.id}`).send({ version: a.version, status: 'confirmed' })).status).toBe(200);
    const row = await until(() => t.db.knex('messages').where({ assignment_id: a.id, kind: 'resident_confirmation' }).first());
    expect(row.language).toBe('ja-easy');
    expect(row.subject).toContain('てつだう');
  });

  it('a Vietnamese resident gets the confirmation in Vietnamese', async () => {
    const p = await proposed({ clientEmail: `nguyen${Date.now()}@residents.example`, language: 'vi' });
    const a = (await p.agent.get(`/api/assignments/${p.assignment.id}`)).body;
    expect((await p.agent.put(`/api/assignments/${a.id}`).send({ version: a.version, status: 'confirmed' })).status).toBe(200);
    const row = await until(() => t.db.knex('messages').where({ assignment_id: a.id, kind: 'resident_confirmation' }).first());
    expect(row.language).toBe('vi');
    expect(row.subject).toBe('Spot Otonari-san: đã có lịch hỗ trợ');
  });

  it('reminders go out at once when confirmed after the reminder hour', () => {
    const start = new Date('2030-03-05T10:00:00+09:00');
    expect(reminderTime(start, 18, new Date('2030-03-01T00:00:00Z')).toISOString()).toBe('2030-03-04T09:00:00.000Z');
    const late = new Date('2030-03-04T20:00:00+09:00');
    expect(reminderTime(start, 18, late)).toEqual(late);
  });
});

describe('delivery', () => {
  it('retries after an SMTP failure and delivers exactly one e-mail', async () => {
    const q = await proposed();
    smtp.failFor(q.email, 1);
    expect((await q.agent.post(`/api/assignments/${q.assignment.id}/offer`)).status).toBe(201);
    const p = { ...q, message: (await t.db.knex('messages').where('assignment_id', q.assignment.id).first()) as { id: number } };
    const row = await waitStatus(p.message.id, 'sent');
    expect(row.attempts).toBe(2);
    await sleep(300);
    const mail = await mailFor(p.email, /活動のご相談/);
    expect(smtp.mails.filter((m) => (m.to as { text: string }).text.includes(p.email))).toHaveLength(1);
    expect(mailsWithId(mail.messageId!)).toHaveLength(1);
  });

  it('marks a message failed after the last retry; retry from the console delivers it once', async () => {
    const p = await proposed();
    smtp.failFor(p.email, 3);
    const res = await p.agent.post(`/api/assignments/${p.assignment.id}/offer`);
    const failed = await waitStatus(res.body.id, 'failed');
    expect(failed.attempts).toBe(3);
    expect(failed.last_error).toContain('451');
    const listed = await p.agent.get(`/api/messages?filter=${encodeURIComponent(JSON.stringify({ status: 'failed' }))}`);
    expect(listed.body.map((m: { id: number }) => m.id)).toContain(res.body.id);
    expect((await p.agent.post(`/api/messages/${res.body.id}/cancel`)).status).toBe(200);
    expect((await p.agent.post(`/api/messages/${res.body.id}/cancel`)).status).toBe(409);
    const retried = await p.agent.post(`/api/messages/${res.body.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('queued');
    const sent = await waitStatus(res.body.id, 'sent');
    const mail = await mailFor(p.email, /活動のご相談/);
    expect(smtp.mails.filter((m) => (m.to as { text: string }).text.includes(p.email))).toHaveLength(1);
    expect(mailsWithId(mail.messageId!)).toHaveLength(1);
    expect(sent.attempts).toBe(4);
  });
});
