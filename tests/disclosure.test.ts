import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createRequest, createVolunteer } from './helpers/factories.js';
import { readZip } from './helpers/zip.js';

const t = useTestApp();

const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const csvLines = (b: Buffer | undefined) =>
  (b ?? Buffer.alloc(0))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l.length);

/** A resident with a request, a call, an assignment to a named volunteer, a report and an expense; and a second resident. */
async function scene() {
  const coordinator = await t.as('coordinator');
  const stamp = Math.random().toString(36).slice(2, 7);
  const mine = await coordinator.post('/api/clients').send({
    name: `Marker Resident ${stamp}`,
    languages: ['en', 'uk'],
    phone: '080-1111-2222',
    eligibility: 'general',
    consent_at: '2026-01-05T10:00:00+09:00',
    notes: `MY-NOTE-${stamp}`,
  });
  expect(mine.status, JSON.stringify(mine.body)).toBe(201);
  const other = await coordinator.post('/api/clients').send({
    name: `Other Resident ${stamp}`,
    languages: ['uk'],
    phone: '080-9999-8888',
    eligibility: 'general',
    notes: `OTHER-NOTE-${stamp}`,
  });
  const volunteer = await createVolunteer(t.db.knex, { name: `ボランティア花子${stamp}` });
  const r1 = await createRequest(t.db.knex, { client_id: mine.body.id, status: 'closed' });
  const r2 = await createRequest(t.db.knex, { client_id: mine.body.id, status: 'received' });
  await t.db
    .knex('support_requests')
    .where('id', r2.id)
    .update({ status: 'cancelled', status_reason: `MY-REASON-${stamp}` });
  const otherRequest = await createRequest(t.db.knex, { client_id: other.body.id, status: 'closed' });
  const [a] = await t.db
    .knex('assignments')
    .insert({
      request_id: r1.id,
      volunteer_id: volunteer.id,
      status: 'confirmed',
      start_at: '2026-03-02T10:00:00+09:00',
      end_at: '2026-03-02T12:00:00+09:00',
      confirmed_at: '2026-02-28T10:00:00+09:00',
    })
    .returning('*');
  await t.db.knex('request_events').insert([
    { request_id: r1.id, kind: 'call', party: 'resident', body: `MY-CALL-${stamp}` },
    { request_id: r1.id, kind: 'assignment_change', assignment_id: a.id, body: `${volunteer.volunteer_no} ${volunteer.name}: 確定` },
    { request_id: otherRequest.id, kind: 'call', party: 'resident', body: `OTHER-CALL-${stamp}` },
  ]);
  await t.db.knex('activity_reports').insert({
    request_id: r1.id,
    assignment_id: a.id,
    actual_start_at: '2026-03-02T10:00:00+09:00',
    actual_end_at: '2026-03-02T12:00:00+09:00',
    outcome: 'resolved',
    summary: `MY-SUMMARY-${stamp}`,
  });
  await t.db.knex('expenses').insert({ request_id: r1.id, volunteer_id: volunteer.id, kind: 'transport', amount_yen: 380 });
  await t.db.knex('expenses').insert({ request_id: otherRequest.id, kind: 'transport', amount_yen: 49876 });
  // A read, so the audit section has something besides the creation.
  await (await t.as('secretariat')).get(`/api/clients/${mine.body.id}`);
  return { stamp, mine: mine.body as { id: number; client_no: string; name: string }, other: other.body, volunteer, r1, r2, a };
}

const disclose = async (kind: 'clients' | 'volunteers', id: number, reason = '本人から開示請求 (2026-03-10 受付)') =>
  (await t.as('admin')).post(`/api/${kind}/${id}/disclosure`).send({ reason }).buffer(true).parse(binary);

describe('disclosure package (開示請求)', () => {
  it('holds every table of the resident, none of another person, in a Japanese (and English) summary and CSVs', async () => {
    const s = await scene();
    const res = await disclose('clients', s.mine.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/zip');
    expect(res.headers['content-disposition']).toContain(`disclosure_${s.mine.client_no}_`);
    const files = readZip(res.body as Buffer);
    expect([...files.keys()].sort()).toEqual([
      'csv/activity_reports.csv',
      'csv/assignments.csv',
      'csv/audit_log.csv',
      'csv/expenses.csv',
      'csv/record.csv',
      'csv/requests.csv',
      'csv/timeline.csv',
      'summary-en.html',
      'summary-ja.html',
    ]);
    // One line per row of each table, besides the header.
    expect(csvLines(files.get('csv/record.csv'))).toHaveLength(2);
    expect(csvLines(files.get('csv/requests.csv'))).toHaveLength(3);
    expect(csvLines(files.get('csv/assignments.csv'))).toHaveLength(2);
    expect(csvLines(files.get('csv/timeline.csv'))).toHaveLength(3);
    expect(csvLines(files.get('csv/activity_reports.csv'))).toHaveLength(2);
    expect(csvLines(files.get('csv/expenses.csv'))).toHaveLength(2);
    const requests = files.get('csv/requests.csv')!.toString('utf8');
    expect(requests).toContain(s.r1.request_no);
    expect(requests).toContain(s.r2.request_no);
    expect(requests).toContain(`MY-REASON-${s.stamp}`);
    expect(requests).toContain('キャンセル');
    const record = files.get('csv/record.csv')!.toString('utf8');
    expect(record).toContain(s.mine.name);
    expect(record).toContain('080-1111-2222');
    expect(record).toContain('2026-01-05 10:00');
    expect(files.get('csv/timeline.csv')!.toString('utf8')).toContain(`MY-CALL-${s.stamp}`);
    expect(files.get('csv/activity_reports.csv')!.toString('utf8')).toContain(`MY-SUMMARY-${s.stamp}`);
    const audit = csvLines(files.get('csv/audit_log.csv'));
    // created, read by the secretariat, and this package.
    expect(audit.length).toBeGreaterThanOrEqual(4);
    expect(audit.join('\n')).toContain('事務局');
    const everything = [...files.values()].map((b) => b.toString('utf8')).join('\n');
    for (const marker of [
      s.other.name,
      `OTHER-NOTE-${s.stamp}`,
      `OTHER-CALL-${s.stamp}`,
      '080-9999-8888',
      s.volunteer.name,
      s.volunteer.volunteer_no,
      '49876',
    ]) {
      expect(everything, marker).not.toContain(marker);
    }
    expect(files.get('csv/assignments.csv')!.toString('utf8')).toContain('ボランティア');
    const ja = files.get('summary-ja.html')!.toString('utf8');
    expect(ja).toContain('保有個人データの開示');
    expect(ja).toContain(s.mine.name);
    expect(ja).toContain(s.r1.request_no);
    expect(files.get('summary-en.html')!.toString('utf8')).toContain('Disclosure of the personal data we hold about you');
    // Writing the package is audited, with its reason.
    const entry = await t.db
      .knex('audit_log')
      .where({ action: 'export', resource: 'clients', record_id: String(s.mine.id) })
      .first();
    expect(entry.changed_fields).toEqual(['disclosure']);
    expect(entry.details.reason).toBe('本人から開示請求 (2026-03-10 受付)');
  });

  it("gives a volunteer their record, ID checks and activities without the residents' data", async () => {
    const s = await scene();
    await t.db.knex('id_checks').insert({
      volunteer_id: s.volunteer.id,
      checked_on: '2026-01-10',
      method: 'in_person',
      document_type: 'passport',
      result: 'passed',
      valid_until: '2029-01-09',
      checked_by: (await t.db.knex('staff').first('id')).id,
    });
    const res = await disclose('volunteers', s.volunteer.id);
    expect(res.status).toBe(200);
    const files = readZip(res.body as Buffer);
    expect(files.has('summary-ja.html')).toBe(true);
    expect(files.has('summary-en.html')).toBe(false);
    expect(csvLines(files.get('csv/id_checks.csv'))).toHaveLength(2);
    expect(csvLines(files.get('csv/assignments.csv'))).toHaveLength(2);
    expect(csvLines(files.get('csv/expenses.csv'))).toHaveLength(2);
    expect(files.get('csv/record.csv')!.toString('utf8')).toContain(s.volunteer.name);
    const everything = [...files.values()].map((b) => b.toString('utf8')).join('\n');
    for (const marker of [
      s.mine.name,
      s.mine.client_no,
      `MY-NOTE-${s.stamp}`,
      `MY-CALL-${s.stamp}`,
      `MY-SUMMARY-${s.stamp}`,
      '080-1111-2222',
    ]) {
      expect(everything, marker).not.toContain(marker);
    }
  });

  it('is for admins only, needs a reason, and writes nothing when refused', async () => {
    const s = await scene();
    const before = await t.db.knex('audit_log').where({ action: 'export', record_id: String(s.mine.id) });
    for (const role of ['coordinator', 'secretariat', 'volunteer_staff'] as const) {
      expect((await (await t.as(role)).post(`/api/clients/${s.mine.id}/disclosure`).send({ reason: '請求' })).status).toBe(403);
    }
    const admin = await t.as('admin');
    const noReason = await admin.post(`/api/clients/${s.mine.id}/disclosure`).send({});
    expect(noReason.status).toBe(400);
    expect((await admin.post('/api/clients/999999/disclosure').send({ reason: '請求' })).status).toBe(404);
    expect(await t.db.knex('audit_log').where({ action: 'export', record_id: String(s.mine.id) })).toHaveLength(before.length);
  });
});
