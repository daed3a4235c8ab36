import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createRequest, createVolunteer } from './helpers/factories.js';

const t = useTestApp();

const NAME = '井上 智子';
const PHONE = '090-5555-4321';

async function volunteerWithHistory() {
  const staff = await t.as('volunteer_staff');
  const created = await staff.post('/api/volunteers').send({
    name: NAME,
    name_kana: 'イノウエ トモコ',
    phone: PHONE,
    email: 'tomoko.inoue@example.com',
    municipality_code: '131105',
    service_municipality_codes: ['131105'],
    languages: ['ja', 'vi'],
    task_types: ['hospital'],
    availability: [{ weekday: 1, start: '09:00', end: '12:00' }],
    notes: '土曜は子どもの送迎あり',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const v = created.body as { id: number; volunteer_no: string; version: number };
  await t.db.knex('id_checks').insert({
    volunteer_id: v.id,
    checked_on: '2026-01-10',
    method: 'in_person',
    document_type: 'passport',
    result: 'passed',
    valid_until: '2029-01-09',
    notes: '旅券番号の末尾 4 桁 1234',
    checked_by: (await t.db.knex('staff').first('id')).id,
  });
  // A past activity, reported: it stays in the figures.
  const r = await createRequest(t.db.knex, {
    status: 'closed',
    start_at: '2026-02-02T10:00:00+09:00',
    end_at: '2026-02-02T12:00:00+09:00',
  });
  const [a] = await t.db
    .knex('assignments')
    .insert({
      request_id: r.id,
      volunteer_id: v.id,
      status: 'confirmed',
      start_at: '2026-02-02T10:00:00+09:00',
      end_at: '2026-02-02T12:00:00+09:00',
      note: `${NAME} さんは車で来る`,
      confirmed_at: '2026-01-30T10:00:00+09:00',
    })
    .returning('*');
  await t.db.knex('expenses').insert({ request_id: r.id, volunteer_id: v.id, kind: 'transport', amount_yen: 420, note: '井上さん立替' });
  const version = (await t.db.knex('volunteers').where('id', v.id).first('version')).version;
  return { ...v, version, requestId: r.id, assignmentId: a.id };
}

describe('anonymising a volunteer', () => {
  it('is for admins only', async () => {
    const v = await volunteerWithHistory();
    for (const role of ['volunteer_staff', 'coordinator', 'secretariat'] as const) {
      const res = await (await t.as(role)).post(`/api/volunteers/${v.id}/anonymise`).send({ version: v.version, reason: '退会から5年' });
      expect(res.status).toBe(403);
    }
    expect((await t.db.knex('volunteers').where('id', v.id).first()).name).toBe(NAME);
  });

  it('erases the personal data, keeps the figures, audits, and cannot be undone or repeated', async () => {
    const v = await volunteerWithHistory();
    const admin = await t.as('admin');
    expect((await admin.post(`/api/volunteers/${v.id}/anonymise`).send({ version: v.version })).status).toBe(400);
    expect((await admin.post(`/api/volunteers/${v.id}/anonymise`).send({ version: v.version + 5, reason: 'x' })).status).toBe(409);
    const res = await admin.post(`/api/volunteers/${v.id}/anonymise`).send({ version: v.version, reason: '退会から5年が経過' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ name: '匿名化済み', phone: null, email: null, notes: null, name_kana: null, status: 'retired' });
    const row = await t.db.knex('volunteers').where('id', v.id).first();
    expect(row.anonymised_at).toBeTruthy();
    expect(row.archived_at).toBeTruthy();
    expect(row.availability).toEqual([]);
    // Kept for the figures.
    expect(row).toMatchObject({
      volunteer_no: v.volunteer_no,
      municipality_code: '131105',
      languages: ['ja', 'vi'],
      task_types: ['hospital'],
    });
    const a = await t.db.knex('assignments').where('id', v.assignmentId).first();
    expect(a).toMatchObject({ status: 'confirmed', note: null, volunteer_id: v.id });
    const e = await t.db.knex('expenses').where('volunteer_id', v.id).first();
    expect(e).toMatchObject({ amount_yen: 420, note: null });
    expect((await t.db.knex('id_checks').where('volunteer_id', v.id).first()).notes).toBeNull();
    // The old name or phone finds nothing.
    for (const q of ['井上', '5555']) {
      const found = await admin.get('/api/volunteers').query({ filter: JSON.stringify({ q }) });
      expect(found.body.map((r: { id: number }) => r.id)).not.toContain(v.id);
    }
    // Nothing of the person is left anywhere in those tables.
    const dump = JSON.stringify([
      row,
      await t.db.knex('assignments').where('volunteer_id', v.id),
      await t.db.knex('expenses').where('volunteer_id', v.id),
      await t.db.knex('id_checks').where('volunteer_id', v.id),
    ]);
    for (const marker of ['井上', 'イノウエ', PHONE, 'tomoko', '旅券番号', '送迎']) expect(dump).not.toContain(marker);
    const entry = await t.db
      .knex('audit_log')
      .where({ action: 'anonymise', resource: 'volunteers', record_id: String(v.id) })
      .first();
    expect(entry.details).toMatchObject({ reason: '退会から5年が経過', assignments: 1 });
    expect(entry.changed_fields).toEqual(expect.arrayContaining(['name', 'phone', 'email', 'notes']));
    // Not again, and no edit writes data back.
    expect((await admin.post(`/api/volunteers/${v.id}/anonymise`).send({ version: row.version, reason: 'again' })).status).toBe(409);
    const edit = await admin.put(`/api/volunteers/${v.id}`).send({ version: row.version, name: NAME });
    expect(edit.status).toBe(409);
    expect((await t.db.knex('volunteers').where('id', v.id).first()).name).toBe('匿名化済み');
  });

  it('is refused while an assignment is open or still to come', async () => {
    const admin = await t.as('admin');
    for (const [status, start, requestStatus] of [
      ['proposed', '2026-02-03T10:00:00+09:00', 'matching'],
      ['accepted', '2026-02-03T10:00:00+09:00', 'matching'],
      ['confirmed', '2099-02-03T10:00:00+09:00', 'confirmed'],
      ['confirmed', '2026-02-03T10:00:00+09:00', 'confirmed'],
    ] as const) {
      const v = await createVolunteer(t.db.knex);
      const r = await createRequest(t.db.knex, { status: requestStatus, start_at: start, end_at: start.replace('10:00', '11:00') });
      await t.db.knex('assignments').insert({
        request_id: r.id,
        volunteer_id: v.id,
        status,
        start_at: start,
        end_at: start.replace('10:00', '11:00'),
        confirmed_at: status === 'confirmed' ? start : null,
      });
      const res = await admin.post(`/api/volunteers/${v.id}/anonymise`).send({ version: 1, reason: '退会' });
      expect(res.status, `${status} ${start}`).toBe(409);
      expect(res.body.message).toContain(r.request_no);
      expect((await t.db.knex('volunteers').where('id', v.id).first()).anonymised_at).toBeNull();
      expect(await t.db.knex('audit_log').where({ action: 'anonymise', record_id: String(v.id), resource: 'volunteers' })).toHaveLength(0);
    }
    // A declined proposal does not hold anyone.
    const v = await createVolunteer(t.db.knex);
    const r = await createRequest(t.db.knex);
    await t.db.knex('assignments').insert({ request_id: r.id, volunteer_id: v.id, status: 'declined' });
    expect((await admin.post(`/api/volunteers/${v.id}/anonymise`).send({ version: 1, reason: '退会' })).status).toBe(200);
  });
});

describe('stop of use (連絡停止)', () => {
  it('needs a reason, takes a volunteer out of candidates and outreach, and shows in the history', async () => {
    const staff = await t.as('volunteer_staff');
    const coordinator = await t.as('coordinator');
    const v = await createVolunteer(t.db.knex, { languages: ['ja', 'sw'], service_municipality_codes: ['131121'] });
    const other = await createVolunteer(t.db.knex, { languages: ['ja', 'sw'], service_municipality_codes: ['131121'] });
    const r = await createRequest(t.db.knex, { language: 'sw', municipality_code: '131121' });
    const ids = async () =>
      ((await coordinator.get(`/api/support-requests/${r.id}/candidates`)).body as { volunteer_id: number }[]).map((c) => c.volunteer_id);
    expect(await ids()).toEqual(expect.arrayContaining([v.id, other.id]));

    const noReason = await staff.put(`/api/volunteers/${v.id}`).send({ version: 1, contact_stopped_at: '2026-03-01T10:00:00+09:00' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toHaveProperty('contact_stop_reason');
    const stop = await staff
      .put(`/api/volunteers/${v.id}`)
      .send({ version: 1, contact_stopped_at: '2026-03-01T10:00:00+09:00', contact_stop_reason: '電話で本人から申し出' });
    expect(stop.status, JSON.stringify(stop.body)).toBe(200);
    expect(stop.body.contact_stop_reason).toBe('電話で本人から申し出');
    const list = await ids();
    expect(list).toContain(other.id);
    expect(list).not.toContain(v.id);
    const explain = await coordinator.get(`/api/support-requests/${r.id}/candidates/explain`);
    expect(explain.body.near_misses.map((n: { volunteer_id: number }) => n.volunteer_id)).not.toContain(v.id);
    // No outreach message for them.
    const [a] = await t.db.knex('assignments').insert({ request_id: r.id, volunteer_id: v.id, status: 'proposed' }).returning('id');
    expect((await coordinator.get(`/api/assignments/${a.id}/message`)).status).toBe(409);
    // The change is in the record's history.
    const history = await t.db.knex('audit_log').where({ resource: 'volunteers', action: 'update', record_id: String(v.id) });
    expect(history.flatMap((h) => h.changed_fields)).toEqual(expect.arrayContaining(['contact_stopped_at', 'contact_stop_reason']));
    // Lifted the same way.
    const lift = await staff.put(`/api/volunteers/${v.id}`).send({ version: 2, contact_stopped_at: null, contact_stop_reason: null });
    expect(lift.status).toBe(200);
    expect(await ids()).toContain(v.id);
  });

  it('is recorded on a resident through the normal edit', async () => {
    const coordinator = await t.as('coordinator');
    const c = await coordinator.post('/api/clients').send({ name: 'Tran Van B', languages: ['vi'], eligibility: 'general' });
    expect(c.status).toBe(201);
    const res = await coordinator
      .put(`/api/clients/${c.body.id}`)
      .send({ version: 1, contact_stopped_at: '2026-03-01T10:00:00+09:00', contact_stop_reason: 'メールで申し出' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stopped = await coordinator.get('/api/clients').query({ filter: JSON.stringify({ contact_stopped_at_gte: '2026-01-01' }) });
    expect(stopped.status, JSON.stringify(stopped.body)).toBe(200);
    expect(stopped.body.map((r: { id: number }) => r.id)).toEqual([c.body.id]);
  });
});
