import { describe, expect, it } from 'vitest';
import { buildSearchText } from '../server/domain/search.js';
import { useTestApp } from './helpers/app.js';
import { createClient, createPartner, createRequest, createVolunteer } from './helpers/factories.js';

const t = useTestApp();

const MONTH = '2026-02';
const NAME = 'Nguyen Thi Hoa';
const KANA = 'グエン・ティ・ホア';
const PHONE = '090-7777-1234';
const ERASED = '（匿名化により削除）';

const ids = (res: { body: { id: number }[] }) => res.body.map((r) => r.id);

/** A resident with two finished requests: one cancelled through the API, one done and closed with a report. */
async function residentWithHistory() {
  const admin = await t.as('admin');
  const coordinator = await t.as('coordinator');
  const partner = await createPartner(t.db.knex);
  const created = await coordinator.post('/api/clients').send({
    name: NAME,
    name_kana: KANA,
    nationality: 'VN',
    languages: ['vi', 'en'],
    japanese_level: 'basic',
    phone: PHONE,
    email: 'hoa.nguyen@example.com',
    municipality_code: '131105',
    address: '目黒区中目黒 1-2-3',
    eligibility: 'partner_referral',
    partner_id: partner.id,
    ofp_member_no: 'OFP-4711',
    consent_at: '2026-01-20T10:00:00+09:00',
    notes: '娘さんが通訳してくれることがある',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  // Special-care notes follow the resident's own consent to them, recorded in person.
  const consented = await coordinator
    .post(`/api/clients/${created.body.id}/consents`)
    .send({ kind: 'sensitive', method: 'in_person', language: 'vi', given_at: '2026-01-20T10:05:00+09:00' });
  expect(consented.status, JSON.stringify(consented.body)).toBe(201);
  const noted = await coordinator
    .put(`/api/clients/${created.body.id}`)
    .send({ version: consented.body.version, special_care_notes: '妊娠中・通院あり' });
  expect(noted.status, JSON.stringify(noted.body)).toBe(200);
  const client = noted.body as { id: number; client_no: string; version: number };

  // 1: received by phone, a call logged, cancelled with a reason.
  const r1 = await coordinator.post('/api/support-requests').send({
    client_id: client.id,
    channel: 'phone',
    category: 'medical',
    task_type: 'hospital',
    language: 'vi',
    municipality_code: '131105',
    received_at: '2026-02-03T10:00:00+09:00',
    place: '目黒区立病院 2階',
    description: 'Hoa さんの妊婦健診の通訳',
  });
  expect(r1.status, JSON.stringify(r1.body)).toBe(201);
  expect(
    (
      await coordinator
        .post('/api/request-events')
        .send({ request_id: r1.body.id, kind: 'call', party: 'resident', body: 'ご本人から電話。090-7777-1234 に折り返し。' })
    ).status,
  ).toBe(201);
  expect(
    (await coordinator.post(`/api/support-requests/${r1.body.id}/status`).send({ status: 'cancelled', reason: 'ご本人の都合' })).status,
  ).toBe(200);

  // 2: a web-form request that went all the way: confirmed, reported, closed.
  const request_no = 'R-2026-09001';
  const intake = { name: NAME, phone: PHONE, email: 'hoa.nguyen@example.com', description: '区役所の手続き' };
  const [r2] = await t.db
    .knex('support_requests')
    .insert({
      request_no,
      client_id: client.id,
      channel: 'web_form',
      category: 'administrative',
      task_type: 'ward_office',
      mode: 'in_person',
      language: 'vi',
      municipality_code: '131105',
      received_at: '2026-02-10T09:00:00+09:00',
      place: '目黒区役所 1階',
      description: '転入届と児童手当の申請',
      intake: JSON.stringify(intake),
      status: 'closed',
      search_text: buildSearchText([NAME, intake.email, '目黒区役所 1階', NAME, KANA, client.client_no], [request_no, PHONE]),
    })
    .returning('*');
  const volunteer = await createVolunteer(t.db.knex);
  const [assignment] = await t.db
    .knex('assignments')
    .insert({
      request_id: r2.id,
      volunteer_id: volunteer.id,
      status: 'confirmed',
      start_at: '2026-02-12T10:00:00+09:00',
      end_at: '2026-02-12T12:00:00+09:00',
    })
    .returning('id');
  await t.db.knex('activity_reports').insert({
    request_id: r2.id,
    assignment_id: assignment.id,
    actual_start_at: '2026-02-12T10:00:00+09:00',
    actual_end_at: '2026-02-12T11:30:00+09:00',
    outcome: 'resolved',
    summary: 'Hoa さんと区役所で転入届を提出',
    follow_up_needed: true,
    follow_up_note: '児童手当の結果を Hoa さんに確認',
  });
  await t.db.knex('request_events').insert([
    { request_id: r2.id, kind: 'status_change', to_status: 'received', body: 'Web フォームから受付', at: '2026-02-10T09:00:00+09:00' },
    { request_id: r2.id, kind: 'note', body: 'Hoa さんは午前中なら大丈夫', at: '2026-02-10T10:00:00+09:00' },
    { request_id: r2.id, kind: 'status_change', from_status: 'matching', to_status: 'confirmed', at: '2026-02-11T09:00:00+09:00' },
    { request_id: r2.id, kind: 'report', body: '活動報告を登録しました。', at: '2026-02-12T12:00:00+09:00' },
    { request_id: r2.id, kind: 'follow_up', body: 'フォローアップ対応済み: Hoa さんに電話で確認', at: '2026-02-20T12:00:00+09:00' },
  ]);
  return { admin, coordinator, client, requestIds: [r1.body.id as number, r2.id as number] };
}

/** Everything the endpoint may write, to prove a refusal wrote nothing. */
async function snapshot(clientId: number) {
  const k = t.db.knex;
  const requests = await k('support_requests').where('client_id', clientId).orderBy('id');
  const requestIds = requests.map((r) => r.id);
  return {
    client: await k('clients').where('id', clientId).first(),
    requests,
    events: await k('request_events').whereIn('request_id', requestIds).orderBy('id'),
    reports: await k('activity_reports').whereIn('request_id', requestIds).orderBy('id'),
    audit: await k('audit_log')
      .where({ resource: 'clients', record_id: String(clientId) })
      .whereNot('action', 'view')
      .orderBy('id'),
  };
}

describe('POST /api/clients/:id/anonymise', () => {
  it('erases the personal data and casework text in one go, keeps what the reports count, and audits it', async () => {
    const { admin, client, requestIds } = await residentWithHistory();
    const me = (await admin.get('/api/auth/me')).body;
    const search = async (resource: string, q: string) =>
      ids(await admin.get(`/api/${resource}`).query({ filter: JSON.stringify({ q }), range: '[0,499]' }));
    // Found by name and phone before.
    expect(await search('clients', NAME)).toContain(client.id);
    expect(await search('clients', PHONE)).toContain(client.id);
    expect(await search('support-requests', NAME)).toEqual(expect.arrayContaining(requestIds));
    expect(await search('support-requests', PHONE)).toContain(requestIds[1]);
    const reportBefore = await admin.get('/api/reports/monthly').query({ month: MONTH });
    expect(reportBefore.status).toBe(200);
    expect(reportBefore.body.counts.received.value).toBe(2);
    const eventsBefore = await t.db.knex('request_events').whereIn('request_id', requestIds).orderBy('id');

    const res = await admin
      .post(`/api/clients/${client.id}/anonymise`)
      .send({ version: client.version, reason: '支援終了から5年経過のため' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      id: client.id,
      client_no: client.client_no,
      name: '匿名化済み',
      name_kana: null,
      phone: null,
      email: null,
      address: null,
      notes: null,
      special_care_notes: null,
      ofp_member_no: null,
      nationality: 'VN',
      languages: ['vi', 'en'],
      japanese_level: 'basic',
      municipality_code: '131105',
      eligibility: 'partner_referral',
      version: client.version + 1,
      anonymised_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*\+09:00$/),
      archived_at: expect.any(String),
    });
    expect(res.body).not.toHaveProperty('search_text');

    const row = await t.db.knex('clients').where('id', client.id).first();
    expect(row.search_text).toBe(buildSearchText([client.client_no]));
    expect(row.partner_id).not.toBeNull();
    expect((await admin.get(`/api/clients/${client.id}`)).body.anonymised_at).toBe(res.body.anonymised_at);

    const requests = await t.db.knex('support_requests').whereIn('id', requestIds).orderBy('id');
    for (const r of requests) {
      expect(r).toMatchObject({ intake: null, place: null, description: null });
      expect(r.search_text).not.toMatch(/nguyen|hoa|ぐえん|7777|目黒/);
      expect(r.search_text).toContain(r.request_no.toLowerCase());
    }
    expect(requests.map((r) => [r.status, r.status_reason, r.category, r.task_type, r.municipality_code, r.language, r.version])).toEqual([
      ['cancelled', '（匿名化により削除）', 'medical', 'hospital', '131105', 'vi', expect.any(Number)],
      ['closed', null, 'administrative', 'ward_office', '131105', 'vi', 2],
    ]);

    const events = await t.db.knex('request_events').whereIn('request_id', requestIds).orderBy('id');
    expect(events.map((e) => e.id)).toEqual(eventsBefore.map((e) => e.id));
    // Typed text (contact log, follow-ups, status reasons) is erased; server-written sentences stay.
    for (const [i, e] of events.entries()) {
      const typed = ['call', 'email', 'note', 'follow_up'].includes(e.kind) || (e.kind === 'status_change' && eventsBefore[i].body != null);
      expect(e.body, e.kind).toBe(typed ? ERASED : eventsBefore[i].body);
      // A code's values may quote typed words: gone with the text.
      if (typed) expect(e.message, e.kind).toBeNull();
    }
    expect(events.find((e) => e.to_status === 'cancelled')?.body).toBe(ERASED);

    const report = await t.db.knex('activity_reports').where('request_id', requestIds[1]).first();
    expect(report).toMatchObject({ summary: null, follow_up_note: null, outcome: 'resolved', follow_up_needed: true, version: 2 });

    const entries = await t.db.knex('audit_log').where({ resource: 'clients', record_id: String(client.id), action: 'anonymise' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ staff_id: me.id, details: { reason: '支援終了から5年経過のため', requests: 2 } });

    // Nothing finds the resident or their requests by the old name or phone any more.
    for (const q of [NAME, 'ぐえん', PHONE, '09077771234', 'hoa.nguyen@example']) {
      expect(await search('clients', q), q).not.toContain(client.id);
      for (const id of requestIds) expect(await search('support-requests', q), q).not.toContain(id);
    }
    expect(await search('clients', client.client_no)).toContain(client.id);
    expect(await search('support-requests', requests[1].request_no)).toContain(requestIds[1]);

    // The month's figures are exactly what they were.
    const reportAfter = await admin.get('/api/reports/monthly').query({ month: MONTH });
    expect(reportAfter.body).toEqual(reportBefore.body);

    // Done once, and for good: no second time, no edits writing data back.
    const again = await admin.post(`/api/clients/${client.id}/anonymise`).send({ version: client.version + 1, reason: 'もう一度' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'conflict', message: expect.stringMatching(/すでに匿名化/) });
    const edit = await admin.put(`/api/clients/${client.id}`).send({ ...res.body, name: NAME });
    expect(edit.status).toBe(409);
    expect((await t.db.knex('clients').where('id', client.id).first()).name).toBe('匿名化済み');
    const closed = (await admin.get(`/api/support-requests/${requestIds[1]}`)).body;
    const writeBack = await admin
      .put(`/api/support-requests/${requestIds[1]}`)
      .send({ version: closed.version, description: '山田さんの病状について' });
    expect(writeBack.status).toBe(409);
    expect((await t.db.knex('support_requests').where('id', requestIds[1]).first()).description).toBeNull();
  });

  it('is for admins only', async () => {
    const k = t.db.knex;
    const c = await createClient(k, { name: 'Only Admin', phone: '080-1111-2222' });
    const before = await snapshot(c.id);
    for (const role of ['coordinator', 'volunteer_staff', 'secretariat'] as const) {
      const res = await (await t.as(role)).post(`/api/clients/${c.id}/anonymise`).send({ version: 1, reason: '不要になったため' });
      expect(res.status, role).toBe(403);
      expect(res.body).toMatchObject({ error: 'forbidden', message: expect.any(String) });
    }
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('refuses while a request is not finished, done included, and writes nothing', async () => {
    const admin = await t.as('admin');
    for (const status of ['received', 'matching', 'confirmed', 'done']) {
      const c = await createClient(t.db.knex, { name: `Open ${status}` });
      await createRequest(t.db.knex, { client_id: c.id, status: 'closed', received_at: '2026-01-05T10:00:00+09:00' });
      const open = await createRequest(t.db.knex, { client_id: c.id, status, received_at: '2026-01-06T10:00:00+09:00' });
      const before = await snapshot(c.id);
      const res = await admin.post(`/api/clients/${c.id}/anonymise`).send({ version: 1, reason: '不要になったため' });
      expect(res.status, status).toBe(409);
      expect(res.body.error).toBe('conflict');
      expect(res.body.message).toContain(open.request_no);
      expect(await snapshot(c.id)).toEqual(before);
    }
  });

  it('refuses a stale version and writes nothing', async () => {
    const admin = await t.as('admin');
    const c = await createClient(t.db.knex, { name: 'Stale Version' });
    await t.db.knex('clients').where('id', c.id).update({ version: 3 });
    const before = await snapshot(c.id);
    const res = await admin.post(`/api/clients/${c.id}/anonymise`).send({ version: 2, reason: '不要になったため' });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/他の人が先に更新/);
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('needs a reason and nothing else, and writes nothing on bad input', async () => {
    const admin = await t.as('admin');
    const c = await createClient(t.db.knex, { name: 'Bad Input' });
    const before = await snapshot(c.id);
    const cases: [unknown, string][] = [
      [{ version: 1 }, 'reason'],
      [{ version: 1, reason: '   ' }, 'reason'],
      [{ version: 1, reason: 'x'.repeat(501) }, 'reason'],
      [{ reason: '不要になったため' }, 'version'],
      [{ version: '1', reason: '不要になったため' }, 'version'],
      [{ version: 1, reason: '不要になったため', name: 'x' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post(`/api/clients/${c.id}/anonymise`).send(body as object);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ error: 'validation', message: expect.any(String) });
      expect(res.body.errors, JSON.stringify(body)).toHaveProperty(field);
    }
    expect(await snapshot(c.id)).toEqual(before);
    expect((await admin.post('/api/clients/99999999/anonymise').send({ version: 1, reason: 'x' })).status).toBe(404);
  });

  it('anonymises a client with no requests, keeping an earlier archive date', async () => {
    const admin = await t.as('admin');
    const c = await createClient(t.db.knex, { name: 'No Requests' });
    await t.db.knex('clients').where('id', c.id).update({ archived_at: '2025-04-01T09:00:00+09:00' });
    const res = await admin.post(`/api/clients/${c.id}/anonymise`).send({ version: 1, reason: '登録の誤り' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '匿名化済み', archived_at: '2025-04-01T09:00:00+09:00', version: 2 });
    const entry = await t.db
      .knex('audit_log')
      .where({ action: 'anonymise', record_id: String(c.id) })
      .first();
    expect(entry.details).toEqual({ reason: '登録の誤り', requests: 0 });
  });
});
