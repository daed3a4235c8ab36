import { describe, expect, it } from 'vitest';
import * as consentsMigration from '../migrations/20261201001300_create_consents.js';
import { useTestApp } from './helpers/app.js';
import { createTestDb } from './helpers/db.js';
import { createClient } from './helpers/factories.js';

const t = useTestApp();

describe('consents of residents', () => {
  it('saves special-care notes only after a recorded sensitive-information consent, with who, when and how', async () => {
    const coordinator = await t.as('coordinator');
    const c = await createClient(t.db.knex);
    await t.db.knex('clients').where('id', c.id).update({ consent_at: new Date() });
    const version = async () => (await coordinator.get(`/api/clients/${c.id}`)).body.version;
    // The consent to use the data does not unlock them.
    const refused = await coordinator.put(`/api/clients/${c.id}`).send({ version: await version(), special_care_notes: '糖尿病' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.special_care_notes).toMatch(/要配慮個人情報の同意/);
    expect((await t.db.knex('clients').where('id', c.id).first()).special_care_notes).toBeNull();

    const bad = await coordinator.post(`/api/clients/${c.id}/consents`).send({ kind: 'sensitive', method: 'telepathy', language: 'uk' });
    expect(bad.status).toBe(400);
    const recorded = await coordinator
      .post(`/api/clients/${c.id}/consents`)
      .send({ kind: 'sensitive', method: 'paper', language: 'uk', given_at: '2026-11-30T10:00:00+09:00', note: '同意書を受領' });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.sensitive_consent_at).toBe('2026-11-30T10:00:00+09:00');
    const saved = await coordinator.put(`/api/clients/${c.id}`).send({ version: recorded.body.version, special_care_notes: '糖尿病' });
    expect(saved.status).toBe(200);
    const [row] = await t.db.knex('consents').where({ client_id: c.id, kind: 'sensitive' });
    expect(row).toMatchObject({ action: 'given', method: 'paper', language: 'uk', note: '同意書を受領' });
    expect(row.recorded_by).toBeTruthy();
    expect(row.text_version).toBeTruthy();
    const audit = await t.db.knex('audit_log').where({ resource: 'clients', record_id: String(c.id), action: 'update' });
    expect(audit.some((a) => a.changed_fields?.includes('sensitive_consent_at'))).toBe(true);

    // Volunteer staff and the secretariat cannot record consents.
    const secretariat = await t.as('secretariat');
    expect(
      (await secretariat.post(`/api/clients/${c.id}/consents`).send({ kind: 'sensitive', method: 'phone', language: 'uk' })).status,
    ).toBe(403);
  });

  it('erases the notes on withdrawal and locks the field until a new consent', async () => {
    const coordinator = await t.as('coordinator');
    const c = await createClient(t.db.knex);
    const given = await coordinator.post(`/api/clients/${c.id}/consents`).send({ kind: 'sensitive', method: 'in_person', language: 'vi' });
    await coordinator.put(`/api/clients/${c.id}`).send({ version: given.body.version, special_care_notes: '妊娠 5 か月' });
    const withdrawn = await coordinator
      .post(`/api/clients/${c.id}/consents/withdraw`)
      .send({ kind: 'sensitive', method: 'phone', note: '電話で撤回の申し出' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(201);
    expect(withdrawn.body.special_care_notes).toBeNull();
    expect(withdrawn.body.sensitive_consent_at).toBeNull();
    const stored = await t.db.knex('clients').where('id', c.id).first();
    expect(stored.special_care_notes).toBeNull();
    const locked = await coordinator
      .put(`/api/clients/${c.id}`)
      .send({ version: withdrawn.body.version, special_care_notes: '妊娠 5 か月' });
    expect(locked.status).toBe(400);
    // A second withdrawal has nothing to withdraw.
    expect((await coordinator.post(`/api/clients/${c.id}/consents/withdraw`).send({ kind: 'sensitive', method: 'phone' })).status).toBe(
      409,
    );
    const history = (await coordinator.get(`/api/clients/${c.id}/consents`)).body;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['withdrawn', 'given']);
    expect(history[0].recorded_by_name).toBeTruthy();
  });

  it('keeps notes stored under the old single consent, flagged for re-confirmation, until a sensitive consent is recorded', async () => {
    const coordinator = await t.as('coordinator');
    const c = await createClient(t.db.knex);
    // As the migration leaves them: consent_at, notes, the flag, no sensitive consent.
    await t.db
      .knex('clients')
      .where('id', c.id)
      .update({ consent_at: new Date(), special_care_notes: '高血圧', special_care_reconfirm: true });
    const before = (await coordinator.get(`/api/clients/${c.id}`)).body;
    expect(before).toMatchObject({ special_care_notes: '高血圧', special_care_reconfirm: true, sensitive_consent_at: null });
    // Other fields can still be edited with the notes unchanged; changing the notes cannot.
    const edited = await coordinator.put(`/api/clients/${c.id}`).send({ ...before, notes: '日中は電話に出られない' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const changed = await coordinator
      .put(`/api/clients/${c.id}`)
      .send({ version: edited.body.version, special_care_notes: '高血圧・糖尿病' });
    expect(changed.status).toBe(400);
    expect(changed.body.message).toMatch(/再確認/);
    const confirmed = await coordinator.post(`/api/clients/${c.id}/consents`).send({ kind: 'sensitive', method: 'phone', language: 'ja' });
    expect(confirmed.body.special_care_reconfirm).toBe(false);
    expect(
      (await coordinator.put(`/api/clients/${c.id}`).send({ version: confirmed.body.version, special_care_notes: '高血圧・糖尿病' }))
        .status,
    ).toBe(200);
  });

  it('migrates honestly: an old consent date becomes a use consent, old notes stay flagged for re-confirmation', async () => {
    const db = await createTestDb();
    try {
      const k = db.knex;
      await consentsMigration.down(k);
      const [withNotes] = await k('clients')
        .insert({ client_no: 'C-1', name: 'A', languages: ['uk'], consent_at: '2026-05-01T10:00:00+09:00', special_care_notes: '持病' })
        .returning('id');
      const [consentOnly] = await k('clients')
        .insert({ client_no: 'C-2', name: 'B', languages: ['vi'], consent_at: '2026-06-01T10:00:00+09:00' })
        .returning('id');
      const [neither] = await k('clients')
        .insert({ client_no: 'C-3', name: 'C', languages: ['ne'] })
        .returning('id');
      await consentsMigration.up(k);
      const clients = await k('clients')
        .orderBy('client_no')
        .select('id', 'special_care_notes', 'special_care_reconfirm', 'sensitive_consent_at');
      expect(clients.map((c) => [c.special_care_notes, c.special_care_reconfirm, c.sensitive_consent_at])).toEqual([
        ['持病', true, null],
        [null, false, null],
        [null, false, null],
      ]);
      const consents = await k('consents').orderBy('client_id').select('client_id', 'kind', 'method', 'given_at');
      expect(consents.map((c) => [c.client_id, c.kind, c.method])).toEqual([
        [withNotes.id, 'use', 'migrated'],
        [consentOnly.id, 'use', 'migrated'],
      ]);
      expect(new Date(consents[0].given_at).toISOString()).toBe('2026-05-01T01:00:00.000Z');
      expect(consents.some((c) => c.client_id === neither.id)).toBe(false);
      // New notes without a sensitive consent are refused by the database itself.
      await expect(k('clients').where('id', consentOnly.id).update({ special_care_notes: '妊娠中' })).rejects.toMatchObject({
        code: '23514',
      });
    } finally {
      await db.close();
    }
  });
});
