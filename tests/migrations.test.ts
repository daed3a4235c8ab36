import { describe, expect, it } from 'vitest';
import { migrationSource } from '../migrations/index.js';
import { migrateLatest, rollbackAll } from '../server/db/migrate.js';
import { createTestDb } from './helpers/db.js';

describe('migrations', () => {
  it('go all the way down and back up again on this engine', async () => {
    const db = await createTestDb();
    try {
      const tables = async () =>
        (await db.knex('information_schema.tables').where({ table_schema: 'public' }).pluck('table_name')).filter(
          (n: string) => !n.startsWith('knex_'),
        );
      expect(await tables()).toEqual(expect.arrayContaining(['staff', 'support_requests', 'assignments', 'expenses']));
      await rollbackAll(db.knex);
      expect(await tables()).toEqual([]);
      const applied = await migrateLatest(db.knex);
      expect(applied).toEqual(await migrationSource.getMigrations([]));
      expect((await tables()).length).toBeGreaterThan(10);
    } finally {
      await db.close();
    }
  });

  it('enforce the double-booking rule in the database itself', async () => {
    const db = await createTestDb();
    try {
      const k = db.knex;
      const [client] = await k('clients')
        .insert({ client_no: 'C-1', name: 'A', languages: ['en'] })
        .returning('id');
      const [vol] = await k('volunteers').insert({ volunteer_no: 'V-1', name: 'B' }).returning('id');
      const mk = async (no: string) =>
        (
          await k('support_requests')
            .insert({ request_no: no, client_id: client.id, channel: 'phone', category: 'medical', task_type: 'hospital' })
            .returning('id')
        )[0].id;
      const confirmed = { volunteer_id: vol.id, status: 'confirmed' };
      await k('assignments').insert({
        ...confirmed,
        request_id: await mk('R-1'),
        start_at: '2026-03-02T09:00:00+09:00',
        end_at: '2026-03-02T11:00:00+09:00',
      });
      await k('assignments').insert({
        ...confirmed,
        request_id: await mk('R-2'),
        start_at: '2026-03-02T11:00:00+09:00',
        end_at: '2026-03-02T12:00:00+09:00',
      });
      await expect(
        k('assignments').insert({
          ...confirmed,
          request_id: await mk('R-3'),
          start_at: '2026-03-02T10:59:00+09:00',
          end_at: '2026-03-02T11:30:00+09:00',
        }),
      ).rejects.toMatchObject({ code: '23P01' });
    } finally {
      await db.close();
    }
  });

  it('restore the confirmed assignment of closed requests and rebuild volunteer_history (20261128002300)', async () => {
    const db = await createTestDb();
    const name = '20261128002300_volunteer_history_follows_edits';
    try {
      const k = db.knex;
      await k.migrate.down({ migrationSource, name });
      const [client] = await k('clients')
        .insert({ client_no: 'C-1', name: 'A', languages: ['en'] })
        .returning('id');
      const [vol] = await k('volunteers').insert({ volunteer_no: 'V-1', name: 'B' }).returning('id');
      const [req] = await k('support_requests')
        .insert({ request_no: 'R-1', client_id: client.id, channel: 'phone', category: 'medical', task_type: 'hospital', status: 'closed' })
        .returning('id');
      // What closing a done request used to leave: the activity's assignment cancelled, no history.
      const [a] = await k('assignments')
        .insert({
          request_id: req.id,
          volunteer_id: vol.id,
          status: 'cancelled',
          start_at: '2026-03-02T10:00:00+09:00',
          end_at: '2026-03-02T12:00:00+09:00',
        })
        .returning('id');
      await k('activity_reports').insert({
        request_id: req.id,
        assignment_id: a.id,
        actual_start_at: '2026-03-02T10:00:00+09:00',
        actual_end_at: '2026-03-02T11:00:00+09:00',
        outcome: 'resolved',
      });
      await k.raw('delete from volunteer_history');
      await k.migrate.up({ migrationSource, name });
      expect((await k('assignments').where('id', a.id).first()).status).toBe('confirmed');
      expect(await k('volunteer_history').select('volunteer_id', 'task_type', 'client_id', 'done_count')).toEqual([
        { volunteer_id: vol.id, task_type: 'hospital', client_id: client.id, done_count: 1 },
      ]);
    } finally {
      await db.close();
    }
  });

  it("take each volunteer's ID-check expiry from their most recent check (20261128002500)", async () => {
    const db = await createTestDb();
    const name = '20261128002500_id_check_expiry_from_latest_check';
    try {
      const k = db.knex;
      await k.migrate.down({ migrationSource, name });
      const [passedThenFailed, passed] = await k('volunteers')
        .insert([
          { volunteer_no: 'V-1', name: 'A' },
          { volunteer_no: 'V-2', name: 'B' },
        ])
        .returning('id');
      const [staff] = await k('staff')
        .insert({ email: 'checker@example.jp', display_name: 'C', role: 'volunteer_staff', password_hash: 'x' })
        .returning('id');
      const check = { method: 'in_person', document_type: 'passport', checked_by: staff.id };
      await k('id_checks').insert([
        { ...check, volunteer_id: passedThenFailed.id, checked_on: '2025-01-10', result: 'passed', valid_until: '2028-01-10' },
        { ...check, volunteer_id: passedThenFailed.id, checked_on: '2026-02-01', result: 'failed' },
        { ...check, volunteer_id: passed.id, checked_on: '2026-02-01', result: 'passed', valid_until: '2029-02-01' },
      ]);
      await k('volunteers').update({ id_check_valid_until: '2028-01-10' }).where('id', passedThenFailed.id);
      await k.migrate.up({ migrationSource, name });
      const expiry = async (id: number) => (await k('volunteers').where({ id }).first()).id_check_valid_until;
      expect(await expiry(passedThenFailed.id)).toBeNull();
      expect(await expiry(passed.id)).toBe('2029-02-01');
    } finally {
      await db.close();
    }
  });

  it('fill search_basic with names and numbers only, never contact details (20261128002800)', async () => {
    const db = await createTestDb();
    const name = '20261128002800_create_basic_search_columns';
    try {
      const k = db.knex;
      await k.migrate.down({ migrationSource, name });
      const [client] = await k('clients')
        .insert({
          client_no: 'C-00077',
          name: 'グエン ティ ラン',
          name_kana: 'グエン ティ ラン',
          languages: ['vi'],
          phone: '090-1111-2222',
          email: 'lan@example.jp',
        })
        .returning('id');
      await k('support_requests').insert({
        request_no: 'R-2026-00077',
        client_id: client.id,
        channel: 'phone',
        category: 'medical',
        task_type: 'hospital',
        place: '○○病院',
      });
      await k.migrate.up({ migrationSource, name });
      const c = await k('clients').where('id', client.id).first();
      expect(c.search_basic).toContain('ぐえん');
      expect(c.search_basic).toContain('c-00077');
      for (const hidden of ['09011112222', 'lan@']) expect(c.search_basic).not.toContain(hidden);
      const r = await k('support_requests').where('client_id', client.id).first();
      expect(r.search_basic).toContain('202600077');
      expect(r.search_basic).toContain('ぐえん');
      expect(r.search_basic).not.toContain('病院');
    } finally {
      await db.close();
    }
  });
  it('fold the stored search texts of existing records: accents, ヴ, ー and spaces (20261201001601)', async () => {
    const db = await createTestDb();
    const name = '20261201001601_fold_names_in_search_text';
    try {
      const k = db.knex;
      await k.migrate.down({ migrationSource, name });
      // As the previous code stored it: NFKC, lower case, hiragana, one space.
      const [client] = await k('clients')
        .insert({
          client_no: 'C-00078',
          name: 'Nguyễn Văn Thành',
          name_kana: 'グエン・ヴァン・ター',
          languages: ['vi'],
          search_text: 'nguyễn văn thành | ぐえん・ゔぁん・たー | c-00078',
          search_basic: 'nguyễn văn thành | ぐえん・ゔぁん・たー | c-00078',
        })
        .returning('id');
      await k.migrate.up({ migrationSource, name });
      const c = await k('clients').where('id', client.id).first();
      expect(c.search_text).toBe('nguyenvanthanh | ぐえんばんた | c-00078');
      expect(c.search_basic).toBe('nguyenvanthanh | ぐえんばんた | c-00078');
    } finally {
      await db.close();
    }
  });
});
