import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createStaff } from './helpers/factories.js';

const t = useTestApp();

describe('audit log for the questions people ask', () => {
  it('answers "who read C-… special-care notes?" with a readable number, an action and a date range', async () => {
    const coordinator = await t.as('coordinator');
    const plain = (
      await coordinator.post('/api/clients').send({ name: '小川 理沙', languages: ['ja'], consent_at: '2026-04-01T10:00:00+09:00' })
    ).body;
    const consented = await coordinator
      .post(`/api/clients/${plain.id}/consents`)
      .send({ kind: 'sensitive', method: 'phone', language: 'ja' })
      .expect(201);
    const created = (
      await coordinator.put(`/api/clients/${plain.id}`).send({ version: consented.body.version, special_care_notes: '通院中' }).expect(200)
    ).body;
    const other = (await coordinator.post('/api/clients').send({ name: '別の人', languages: ['ja'] })).body;
    await coordinator.get(`/api/clients/${created.id}`).expect(200);
    await coordinator.get(`/api/clients/${other.id}`).expect(200);
    const admin = await t.as('admin');
    const res = await admin.get('/api/audit-log').query({
      filter: JSON.stringify({
        record_no: created.client_no.toLowerCase(),
        action: 'view',
        changed_field: 'special_care_notes',
        at_gte: '2020-01-01',
        at_lte: '2999-12-31',
      }),
    });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({
      resource: 'clients',
      record_id: String(created.id),
      record_label: created.client_no,
      action: 'view',
    });
    const reader = await t.db.knex('staff').where('id', res.body[0].staff_id).first();
    expect(reader.role).toBe('coordinator');
    // Every entry about the record, and none about another.
    const all = await admin.get('/api/audit-log').query({ filter: JSON.stringify({ record_no: created.client_no }) });
    expect(all.body.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'update', 'view']));
    expect(all.body.every((e: { record_id: string }) => e.record_id === String(created.id))).toBe(true);
    const none = await admin.get('/api/audit-log').query({ filter: JSON.stringify({ record_no: 'X-1' }) });
    expect(none.body).toEqual([]);
    expect((await admin.get('/api/audit-log').query({ filter: JSON.stringify({ changed_field: 'a;drop' }) })).status).toBe(400);
  });

  it('labels staff records with the name', async () => {
    const admin = await t.as('admin');
    const s = await createStaff(t.db.knex, { display_name: '青木 一郎' });
    const put = await admin.put(`/api/staff/${s.id}`).send({ version: 1, display_name: '青木 一朗' });
    expect(put.status).toBe(200);
    const res = await admin.get('/api/audit-log').query({ filter: JSON.stringify({ resource: 'staff', record_id: String(s.id) }) });
    expect(res.body[0].record_label).toBe('青木 一朗');
  });
});
