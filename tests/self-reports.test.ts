import { afterAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { Outbox } from '../server/messages/outbox.js';
import { useTestApp } from './helpers/app.js';
import { createClient, createRequest, createVolunteer } from './helpers/factories.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';

let smtp: TestSmtp;
let clock: Date | undefined;
const t = useTestApp({
  now: () => clock ?? new Date(),
  outbox: async (db) => {
    smtp = await startSmtp();
    const outbox = new Outbox(db, {
      mail: { smtpUrl: smtp.url, from: 'スポットおとなりさん <office@otonari.example>', publicBaseUrl: 'https://office.otonari.example' },
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

describe('self-reports after the activity', () => {
  it('the volunteer gets a link when the activity ends; the report is a draft until a coordinator files it', async () => {
    const agent = await t.as('coordinator');
    const client = await createClient(t.db.knex);
    const req = await createRequest(t.db.knex, {
      client_id: client.id,
      start_at: '2030-03-05T10:00:00+09:00',
      end_at: '2030-03-05T12:00:00+09:00',
    });
    const volunteer = await createVolunteer(t.db.knex);
    await t.db.knex('volunteers').where('id', volunteer.id).update({ email: 'reporter@volunteers.example' });
    const a = (await agent.post('/api/assignments').send({ request_id: req.id, volunteer_id: volunteer.id })).body;
    expect((await agent.put(`/api/assignments/${a.id}`).send({ version: a.version, status: 'confirmed' })).status).toBe(200);

    const message = await t.db.knex('messages').where({ assignment_id: a.id, kind: 'report_request' }).first();
    expect(new Date(message.send_after).toISOString()).toBe('2030-03-05T03:00:00.000Z');
    const waiting = await until(async () => (await t.db.knex('messages').where('id', message.id).first()).job_id);
    // The clock reaches the end of the activity.
    clock = new Date('2030-03-05T13:00:00+09:00');
    await t.db.knex.raw('update pgboss.job set start_after = now() where id::text = ?', [waiting]);
    const mail = await until(async () => smtp.mails.find((m) => m.subject?.includes('活動報告のお願い')));
    const token = /\/v\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')![1]!;

    const page = await request(t.app).get(`/v/${token}`);
    expect(page.text).toContain('報告する');
    expect(page.text).toContain('2030-03-05T10:00');

    const bad = await request(t.app)
      .post(`/api/volunteer-links/${token}/report`)
      .send({ actual_start_at: '2030-03-05T12:00:00+09:00', actual_end_at: '2030-03-05T10:00:00+09:00', outcome: 'resolved' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('終了時刻');
    const followUpWithoutNote = await request(t.app).post(`/api/volunteer-links/${token}/report`).send({
      actual_start_at: '2030-03-05T10:00:00+09:00',
      actual_end_at: '2030-03-05T12:10:00+09:00',
      outcome: 'resolved',
      follow_up_needed: true,
    });
    expect(followUpWithoutNote.status).toBe(400);
    expect(await t.db.knex('self_reports').where('assignment_id', a.id)).toHaveLength(0);

    const sent = await request(t.app).post(`/v/${token}/report`).type('form').send({
      actual_start_at: '2030-03-05T10:05',
      actual_end_at: '2030-03-05T12:10',
      outcome: 'partly_resolved',
      transport_yen: '480',
      note: '次回は通訳の予約が必要',
    });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('受け付けました');
    const again = await request(t.app)
      .post(`/api/volunteer-links/${token}/report`)
      .send({ actual_start_at: '2030-03-05T10:00:00+09:00', actual_end_at: '2030-03-05T12:00:00+09:00', outcome: 'resolved' });
    expect(again.status).toBe(409);

    const draft = await t.db.knex('self_reports').where('assignment_id', a.id).first();
    expect(draft).toMatchObject({ outcome: 'partly_resolved', transport_yen: 480, filed_at: null });
    expect(new Date(draft.actual_start_at).toISOString()).toBe('2030-03-05T01:05:00.000Z');
    expect((await t.db.knex('support_requests').where('id', req.id).first()).status).toBe('confirmed');
    const pending = await agent.get(`/api/self-reports?filter=${encodeURIComponent(JSON.stringify({ pending: true }))}`);
    expect(pending.body.map((r: { id: number }) => r.id)).toContain(draft.id);
    expect((await (await t.as('secretariat')).get('/api/self-reports')).status).toBe(403);

    const filed = await agent.post(`/api/self-reports/${draft.id}/file`).send({ transport_yen: 520 });
    expect(filed.status).toBe(201);
    expect((await t.db.knex('support_requests').where('id', req.id).first()).status).toBe('done');
    const report = await t.db.knex('activity_reports').where('request_id', req.id).first();
    expect(report).toMatchObject({ outcome: 'partly_resolved', summary: '次回は通訳の予約が必要' });
    const expenses = await t.db.knex('expenses').where('request_id', req.id);
    expect(expenses).toMatchObject([{ kind: 'transport', amount_yen: 520, volunteer_id: volunteer.id }]);
    expect((await agent.post(`/api/self-reports/${draft.id}/file`).send({})).status).toBe(409);
    expect((await t.db.knex('self_reports').where('id', draft.id).first()).activity_report_id).toBe(report.id);
  });
});
