import { describe, expect, it, vi } from 'vitest';
import { fiscalYearPeriod, monthPeriod, type Period } from '../server/domain/period.js';
import { computeFigures } from '../server/reports/figures.js';
import { computeInSnapshot, periodFigures, pruneStored, readStored, storeFigures } from '../server/reports/stored.js';
import { knexForPostgres } from '../server/db/index.js';
import { useTestApp } from './helpers/app.js';
import { loadReportFixture } from './helpers/report-fixture.js';

/**
 * The report's figures kept per period (report_period_figures): always equal to the figures
 * computed now; an edit of any table they read makes the periods it can change computed again
 * and leaves earlier periods stored as they were.
 */
const t = useTestApp();
const db = () => t.db.knex;
// Each edit compares every period with the figures computed twice over (about 1 s on PGlite).
vi.setConfig({ testTimeout: 120_000 });

const MONTHS = ['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08'];
const PERIODS: Period[] = [...MONTHS.map(monthPeriod), fiscalYearPeriod(2024), fiscalYearPeriod(2025)];

type Row = { computed_at: Date; snapshot: string };
async function storedRow(p: Period): Promise<Row | undefined> {
  return db()('report_period_figures')
    .where({ start_date: p.start_date, end_date: p.end_date })
    .first('computed_at', db().raw('snapshot::text as snapshot'));
}

/** Every period through the store equals the figures computed now, in the same order; returns the stored rows. */
async function expectAllCurrent(what: string): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  for (const p of PERIODS) {
    const stored = await periodFigures(db(), p);
    expect(JSON.stringify(stored), `${what}: ${p.label}`).toBe(JSON.stringify(await computeFigures(db(), p)));
    expect(stored, `${what}: ${p.label} (records)`).toEqual(await computeFigures(db(), p, 'records'));
    rows.set(p.label, (await storedRow(p))!);
  }
  return rows;
}

/**
 * Stores every period, makes the edit, and checks each period: those ending after `from`
 * (YYYY-MM, null: none) are computed again, the others keep their stored row untouched.
 * `changes`: a period whose figures the edit must change (so a stale row would be caught).
 */
async function expectEdit(what: string, from: string | null, edit: () => Promise<unknown>, changes?: Period) {
  const before = new Map<string, Row>();
  for (const p of PERIODS) {
    await periodFigures(db(), p);
    before.set(p.label, (await storedRow(p))!);
  }
  const old = changes && (await computeFigures(db(), changes));
  await edit();
  if (changes) expect(await computeFigures(db(), changes), `${what} changes ${changes.label}`).not.toEqual(old);
  const after = await expectAllCurrent(what);
  for (const p of PERIODS) {
    const affected = from != null && p.end_date > `${from}-01`;
    if (affected) expect(after.get(p.label)!.snapshot, `${what}: ${p.label} computed again`).not.toBe(before.get(p.label)!.snapshot);
    else expect(after.get(p.label), `${what}: ${p.label} kept`).toEqual(before.get(p.label));
  }
}

const idOf = async (table: string, where: Record<string, unknown>) => (await db()(table).where(where).first('id')).id as number;
const insertId = async (table: string, row: Record<string, unknown>) => (await db()(table).insert(row).returning('id'))[0].id as number;

describe('report figures stored per period', () => {
  it('are the figures computed now, and each write adds one invalidation per statement', async () => {
    await loadReportFixture(db());
    await expectAllCurrent('first');
    // Read again: nothing was written, so nothing is computed again.
    const rows = await expectAllCurrent('again');
    expect(await expectAllCurrent('third')).toEqual(rows);
    const count = async () => Number((await db()('report_invalidations').count('* as n').first())!.n);
    const n = await count();
    await db()('expenses').update({ amount_yen: db().raw('amount_yen + 1') });
    expect(await count()).toBe(n + 1);
    // A statement that changes nothing the figures read adds nothing.
    await db()('expenses').update({ note: 'メモ' });
    await db()('support_requests').update({ updated_at: db().fn.now() });
    expect(await count()).toBe(n + 1);
  });

  it('are computed again after requests are added, moved, edited and deleted, and only from the month touched', async () => {
    const client = await idOf('clients', { client_no: 'RF-A' });
    const coordinator = (await db()('support_requests').where('request_no', 'RF-1').first('coordinator_id')).coordinator_id;
    const request = (no: string, received_at: string) => ({
      request_no: no,
      client_id: client,
      coordinator_id: coordinator,
      channel: 'phone',
      category: 'medical',
      task_type: 'hospital',
      mode: 'in_person',
      received_at,
    });
    let added = 0;
    await expectEdit(
      'request added',
      '2025-07',
      async () => (added = await insertId('support_requests', request('RF-new', '2025-07-15T10:00:00+09:00'))),
      monthPeriod('2025-07'),
    );
    const out = await idOf('support_requests', { request_no: 'RF-out' });
    await expectEdit(
      'received_at moved back',
      '2025-05',
      () => db()('support_requests').where('id', out).update({ received_at: '2025-05-10T10:00:00+09:00' }),
      monthPeriod('2025-05'),
    );
    await expectEdit(
      'status',
      '2025-06',
      () => db()('support_requests').where('request_no', 'RF-3').update({ status: 'closed' }),
      monthPeriod('2025-06'),
    );
    await expectEdit(
      'another resident',
      '2025-06',
      () =>
        db()('support_requests')
          .where('request_no', 'RF-5')
          .update({ client_id: db()('clients').where('client_no', 'RF-C').select('id') }),
      monthPeriod('2025-06'),
    );
    await expectEdit('a column the report does not read', null, () =>
      db()('support_requests').where('id', out).update({ updated_at: db().fn.now() }),
    );
    await expectEdit('request deleted', '2025-07', () => db()('support_requests').where('id', added).delete(), monthPeriod('2025-07'));
    // A receipt moved within August changes July's days to confirmation (its confirmation is in July).
    const odd = await insertId('support_requests', request('RF-odd', '2025-08-10T10:00:00+09:00'));
    await db()('request_events').insert({
      request_id: odd,
      kind: 'status_change',
      to_status: 'confirmed',
      at: '2025-07-20T10:00:00+09:00',
    });
    await expectEdit(
      'received_at moved after its confirmation',
      '2025-07',
      () => db()('support_requests').where('id', odd).update({ received_at: '2025-08-12T10:00:00+09:00' }),
      monthPeriod('2025-07'),
    );
  });

  it('are computed again after confirmations are added, moved and deleted (the request counts as matched in its month)', async () => {
    const june = await idOf('support_requests', { request_no: 'RF-3' });
    let event = 0;
    await expectEdit(
      'confirmation added',
      '2025-06',
      async () =>
        (event = await insertId('request_events', {
          request_id: june,
          kind: 'status_change',
          to_status: 'confirmed',
          at: '2025-07-05T10:00:00+09:00',
        })),
      monthPeriod('2025-06'),
    );
    await expectEdit(
      'confirmation moved',
      '2025-06',
      () => db()('request_events').where('id', event).update({ at: '2025-08-05T10:00:00+09:00' }),
      monthPeriod('2025-08'),
    );
    await expectEdit('an event that is no confirmation', null, () =>
      db()('request_events').insert({ request_id: june, kind: 'note', body: 'メモ', at: '2025-04-05T10:00:00+09:00' }),
    );
    await expectEdit('confirmation deleted', '2025-06', () => db()('request_events').where('id', event).delete(), monthPeriod('2025-06'));
  });

  it('are computed again after activity reports and their assignments change', async () => {
    const request = await idOf('support_requests', { request_no: 'RF-3' });
    const v1 = await idOf('volunteers', { volunteer_no: 'RF-V1' });
    const v2 = await idOf('volunteers', { volunteer_no: 'RF-V2' });
    const assignment = await insertId('assignments', {
      request_id: request,
      volunteer_id: v1,
      status: 'accepted',
      start_at: '2025-07-06T10:00:00+09:00',
      end_at: '2025-07-06T11:00:00+09:00',
    });
    let report = 0;
    await expectEdit(
      'activity report added',
      '2025-07',
      async () =>
        (report = await insertId('activity_reports', {
          request_id: request,
          assignment_id: assignment,
          actual_start_at: '2025-07-06T10:00:00+09:00',
          actual_end_at: '2025-07-06T11:00:00+09:00',
          outcome: 'resolved',
          follow_up_needed: true,
          created_at: '2025-07-07T10:00:00+09:00',
        })),
      monthPeriod('2025-07'),
    );
    const update = (changes: Record<string, unknown>) => () => db()('activity_reports').where('id', report).update(changes);
    await expectEdit('actual start moved', '2025-05', update({ actual_start_at: '2025-05-06T10:00:00+09:00' }), monthPeriod('2025-05'));
    await expectEdit('created_at moved', '2025-04', update({ created_at: '2025-04-02T10:00:00+09:00' }), monthPeriod('2025-04'));
    await expectEdit('follow-up handled', '2025-03', update({ follow_up_handled_at: '2025-03-15T10:00:00+09:00' }), monthPeriod('2025-03'));
    // June's report handled later: June stays (its activities and follow-ups opened do not move).
    await expectEdit(
      'follow-up handled later',
      '2025-07',
      () =>
        db()('activity_reports')
          .where('actual_start_at', '2025-06-12T13:00:00+09:00')
          .update({ follow_up_handled_at: '2025-08-10T10:00:00+09:00' }),
      monthPeriod('2025-08'),
    );
    await expectEdit(
      'activity report deleted',
      '2025-03',
      () => db()('activity_reports').where('id', report).delete(),
      monthPeriod('2025-03'),
    );
    // The June report's volunteer, through its assignment.
    const june = (await db()('activity_reports').where('actual_start_at', '2025-06-05T10:00:00+09:00').first('assignment_id'))
      .assignment_id;
    await expectEdit(
      "an assignment's volunteer",
      '2025-06',
      () => db()('assignments').where('id', june).update({ volunteer_id: v2 }),
      monthPeriod('2025-06'),
    );
    await expectEdit("an assignment's status (not read)", null, () =>
      db()('assignments').where('id', assignment).update({ status: 'cancelled' }),
    );
    await expectEdit('an assignment without a report deleted', null, () => db()('assignments').where('id', assignment).delete());
  });

  it("are computed again after a resident's nationality changes, from the month of their first request", async () => {
    await expectEdit(
      'nationality',
      '2025-05',
      () => db()('clients').where('client_no', 'RF-C').update({ nationality: 'PH' }),
      monthPeriod('2025-05'),
    );
    await expectEdit('a resident without requests added', null, () =>
      db()('clients').insert({
        client_no: 'RF-D',
        name: 'RF-D',
        nationality: 'VN',
        languages: ['vi'],
        eligibility: 'ofp_member',
        ofp_member_no: 'RF-D',
      }),
    );
  });

  it('are computed again after volunteers change', async () => {
    let volunteer = 0;
    await expectEdit(
      'volunteer added',
      '2025-08',
      async () =>
        (volunteer = await insertId('volunteers', {
          volunteer_no: 'RF-V3',
          name: 'RF-V3',
          languages: ['ja'],
          created_at: '2025-08-25T10:00:00+09:00',
        })),
      monthPeriod('2025-08'),
    );
    const vol = (changes: Record<string, unknown>) => () => db()('volunteers').where('id', volunteer).update(changes);
    await expectEdit('identity check due', '2025-07', vol({ id_check_valid_until: '2025-07-20' }), monthPeriod('2025-07'));
    await expectEdit('volunteer status', '2025-07', vol({ status: 'paused' }), monthPeriod('2025-07'));
    await expectEdit('volunteer created_at', '2025-05', vol({ created_at: '2025-05-10T10:00:00+09:00' }), monthPeriod('2025-05'));
    await expectEdit('a volunteer column not read', null, vol({ notes: 'メモ' }));
    // A volunteer registered in June 2025 whose check now runs out in 2028: no report up to now changes.
    await expectEdit('identity check renewed', '2028-06', () =>
      db()('volunteers').where('volunteer_no', 'RF-V1').update({ id_check_valid_until: '2028-07-10' }),
    );
    await expectEdit('volunteer deleted', '2025-05', () => db()('volunteers').where('id', volunteer).delete(), monthPeriod('2025-05'));
  });

  it('are computed again after identity checks change', async () => {
    const v1 = await idOf('volunteers', { volunteer_no: 'RF-V1' });
    const coordinator = (await db()('support_requests').where('request_no', 'RF-1').first('coordinator_id')).coordinator_id;
    let check = 0;
    await expectEdit(
      'identity check added',
      '2025-07',
      async () =>
        (check = await insertId('id_checks', {
          volunteer_id: v1,
          checked_on: '2025-07-08',
          method: 'in_person',
          document_type: 'passport',
          result: 'passed',
          valid_until: '2028-07-08',
          checked_by: coordinator,
        })),
      monthPeriod('2025-07'),
    );
    await expectEdit(
      'identity check moved',
      '2025-04',
      () => db()('id_checks').where('id', check).update({ checked_on: '2025-04-08' }),
      monthPeriod('2025-04'),
    );
    await expectEdit('identity check deleted', '2025-04', () => db()('id_checks').where('id', check).delete(), monthPeriod('2025-04'));
  });

  it('are computed again after feedback changes', async () => {
    const r1 = await db()('support_requests').where('request_no', 'RF-1').first('id', 'client_id');
    let feedback = 0;
    await expectEdit(
      'feedback added',
      '2025-07',
      async () =>
        (feedback = await insertId('resident_feedback', {
          request_id: r1.id,
          client_id: r1.client_id,
          rating: 4,
          language: 'uk',
          created_at: '2025-07-03T10:00:00+09:00',
        })),
      monthPeriod('2025-07'),
    );
    const fb = (changes: Record<string, unknown>) => () => db()('resident_feedback').where('id', feedback).update(changes);
    await expectEdit('feedback moved', '2025-06', fb({ created_at: '2025-06-20T10:00:00+09:00' }), monthPeriod('2025-06'));
    await expectEdit('rating', '2025-06', fb({ rating: 2 }), monthPeriod('2025-06'));
    await expectEdit('a feedback column not read', null, fb({ comment: 'ありがとう' }));
    await expectEdit('feedback deleted', '2025-06', () => db()('resident_feedback').where('id', feedback).delete(), monthPeriod('2025-06'));
  });

  it('are computed again after expenses change (outstanding at the end of every later period)', async () => {
    const r1 = await idOf('support_requests', { request_no: 'RF-1' });
    const v1 = await idOf('volunteers', { volunteer_no: 'RF-V1' });

    let expense = 0;
    await expectEdit(
      'expense added (outstanding from then on)',
      '2025-07',
      async () =>
        (expense = await insertId('expenses', {
          request_id: r1,
          volunteer_id: v1,
          kind: 'other',
          amount_yen: 300,
          created_at: '2025-07-10T10:00:00+09:00',
        })),
      monthPeriod('2025-08'),
    );
    const ex = (changes: Record<string, unknown>) => () => db()('expenses').where('id', expense).update(changes);
    // Settled in August: July's outstanding (at its end, 1 August) still counts it.
    await expectEdit('expense settled', '2025-08', ex({ settled_on: '2025-08-05', settlement_method: 'cash' }), monthPeriod('2025-08'));
    await expectEdit('expense created_at', '2025-05', ex({ created_at: '2025-05-01T10:00:00+09:00' }), monthPeriod('2025-05'));
    await expectEdit('expense amount', '2025-05', ex({ amount_yen: 500 }), monthPeriod('2025-05'));
    await expectEdit('expense kind', '2025-05', ex({ kind: 'transport' }), monthPeriod('2025-05'));
    await expectEdit('expense deleted', '2025-05', () => db()('expenses').where('id', expense).delete(), monthPeriod('2025-05'));
  });

  it('are all computed again after the monthly counts are counted again (a bulk load)', async () => {
    await expectEdit('refill', '2024-01', () => db().raw('select report_month_counts_refill()'));
  });

  it('are not trusted when computed from a snapshot taken before a write that committed before they were stored', async () => {
    const june = monthPeriod('2025-06');
    await expectAllCurrent('before');
    // A slow reader: computed, then a write commits, then the reader stores what it computed.
    const stale = await computeInSnapshot(db(), june);
    await db()('expenses').where('kind', 'transfer_fee').update({ amount_yen: 220 });
    await storeFigures(db(), june, stale);
    expect((await storedRow(june))!.snapshot).toBe(stale.snapshot);
    expect(await readStored(db(), june)).toBeNull();
    expect(await periodFigures(db(), june)).toEqual(await computeFigures(db(), june, 'records'));
    expect((await periodFigures(db(), june)).amounts.transfer_fee_owed_yen).toBe(220);
  });

  it('are computed again after a write made in the same transaction as the computation (its own xid is in progress)', async () => {
    const june = monthPeriod('2025-06');
    await expectAllCurrent('before');
    await db().transaction(async (trx) => {
      await trx('expenses').where('kind', 'transfer_fee').update({ amount_yen: 330 });
      const { rows } = await trx.raw('select pg_current_snapshot()::text as snapshot');
      await storeFigures(trx, june, { snapshot: rows[0].snapshot, figures: await computeFigures(trx, june) });
    });
    expect(await readStored(db(), june)).toBeNull();
    expect((await periodFigures(db(), june)).amounts.transfer_fee_owed_yen).toBe(330);
  });

  it('keep valid rows and drop the invalidations every snapshot has seen when pruned; older snapshots stored later are not trusted', async () => {
    const june = monthPeriod('2025-06');
    const rows = await expectAllCurrent('before');
    const stale = await computeInSnapshot(db(), june);
    await db()('expenses').where('kind', 'transfer_fee').update({ amount_yen: 440 });
    // March was not touched: still valid, pruning keeps it (figures and time; the snapshot moves on).
    await pruneStored(db());
    // Everything every stored snapshot has seen is gone. (On a shared PostgreSQL, another
    // database's transaction in progress holds snapshots' xmin back, so a recent entry may stay.)
    const left = await db().raw(
      `select count(*) as n from report_invalidations i
        where i.xid < (select min(pg_snapshot_xmin(snapshot)) from report_period_figures)`,
    );
    expect(Number(left.rows[0].n)).toBe(0);
    if (t.db.engine === 'pglite') expect(Number((await db()('report_invalidations').count('* as n').first())!.n)).toBe(0);
    const march = await storedRow(monthPeriod('2025-03'));
    expect(march!.computed_at).toEqual(rows.get('2025-03')!.computed_at);
    expect(await readStored(db(), monthPeriod('2025-03'))).not.toBeNull();
    expect(await storedRow(june)).toBeUndefined();
    // The write's invalidation is gone; the stale figures stored now are still not trusted (the horizon).
    await storeFigures(db(), june, stale);
    expect(await readStored(db(), june)).toBeNull();
    expect((await periodFigures(db(), june)).amounts.transfer_fee_owed_yen).toBe(440);
    await expectAllCurrent('after');
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('are not trusted when a write was running while they were computed (PostgreSQL)', async () => {
    const june = monthPeriod('2025-06');
    await expectAllCurrent('before');
    const url = t.db.url!;
    const writer = knexForPostgres(url, 1);
    try {
      const trx = await writer.transaction();
      await trx('expenses').where('kind', 'transfer_fee').update({ amount_yen: 550 });
      // Computed and stored while the write has not committed: it does not see it.
      const before = await periodFigures(db(), june);
      expect(before.amounts.transfer_fee_owed_yen).not.toBe(550);
      expect(await readStored(db(), june)).not.toBeNull();
      await trx.commit();
      expect(await readStored(db(), june)).toBeNull();
      expect((await periodFigures(db(), june)).amounts.transfer_fee_owed_yen).toBe(550);

      // A reader's snapshot taken before a write commits, stored after it: not trusted.
      const reader = await db().transaction({ isolationLevel: 'repeatable read', readOnly: true });
      const { rows } = await reader.raw('select pg_current_snapshot()::text as snapshot');
      await writer('expenses').where('kind', 'transfer_fee').update({ amount_yen: 660 });
      const figures = await computeFigures(reader, june);
      await reader.commit();
      expect(figures.amounts.transfer_fee_owed_yen).toBe(550);
      await storeFigures(db(), june, { snapshot: rows[0].snapshot, figures });
      expect(await readStored(db(), june)).toBeNull();
      expect((await periodFigures(db(), june)).amounts.transfer_fee_owed_yen).toBe(660);
    } finally {
      await writer.destroy();
    }
  });
});
