import { describe, expect, it } from 'vitest';
import { Outbox } from '../server/messages/outbox.js';
import { periodsToWarm } from '../server/reports/stored.js';
import { listDue } from '../server/retention/due.js';
import { nextRetentionRun, RETENTION_QUEUE, recordRetentionScan } from '../server/retention/daily.js';
import { useTestApp } from './helpers/app.js';

let clock = new Date('2030-01-10T02:00:00+09:00');

const t = useTestApp({
  outbox: async (db) => {
    const outbox = new Outbox(db, {
      mail: { from: 'スポットおとなりさん <office@otonari.example>', publicBaseUrl: 'https://office.otonari.example' },
      pollingSeconds: 0.5,
      now: () => clock,
    });
    await outbox.start();
    return outbox;
  },
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(read: () => Promise<T | undefined | null | false>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await read();
    if (v) return v;
    await sleep(100);
  }
  throw new Error('timed out waiting');
}
const jobsFor = (asOf: string) =>
  t.db.knex('pgboss.job').where('name', RETENTION_QUEUE).whereRaw(`data->>'as_of' = ?`, [asOf]).select('id', 'state', 'start_after');

describe('the daily retention check on the job queue', () => {
  it('runs at 03:00 Japan time: before it, today; from it on, tomorrow', () => {
    expect(nextRetentionRun(new Date('2030-01-10T02:59:59+09:00'))).toEqual({
      asOf: '2030-01-10',
      at: new Date('2030-01-10T03:00:00+09:00'),
    });
    expect(nextRetentionRun(new Date('2030-01-10T03:00:00+09:00'))).toEqual({
      asOf: '2030-01-11',
      at: new Date('2030-01-11T03:00:00+09:00'),
    });
    // 23:30 in Tokyo is still the same Japan day although UTC has moved on.
    expect(nextRetentionRun(new Date('2030-01-10T23:30:00+09:00')).asOf).toBe('2030-01-11');
  });

  it('computes the report of last month and of the fiscal year the day is in (April to March)', () => {
    expect(periodsToWarm('2030-04-01').map((p) => p.label)).toEqual(['2030-03', '2030']);
    expect(periodsToWarm('2030-03-31').map((p) => p.label)).toEqual(['2030-02', '2029']);
    expect(periodsToWarm('2030-01-10').map((p) => p.label)).toEqual(['2029-12', '2029']);
  });

  it('is queued at start, records the day’s figures when due, queues the next day, and checks a day once', async () => {
    const [job] = await jobsFor('2030-01-10');
    expect(job).toBeDefined();
    expect(new Date(job.start_after).toISOString()).toBe('2030-01-09T18:00:00.000Z');
    expect(await t.db.knex('retention_scans')).toHaveLength(0);

    // The clock passes 03:00 and the queue releases the job.
    clock = new Date('2030-01-10T03:00:05+09:00');
    await t.db.knex('pgboss.job').where('id', job.id).update({ start_after: t.db.knex.fn.now() });
    const scan = await until(() => t.db.knex('retention_scans').where('as_of', '2030-01-10').first());
    const due = await listDue(t.db.knex, '2030-01-10');
    expect(scan).toMatchObject({
      requests: due.requests.length,
      clients: due.clients.length,
      volunteers: due.volunteers.length,
      audit_entries: due.audit_log.count,
    });
    // The same run computed last month's report figures and this fiscal year's ahead of the first reader.
    const stored = await until(async () => {
      const rows = await t.db.knex('report_period_figures').orderBy('start_date').select('start_date', 'end_date');
      return rows.length === 2 && rows;
    });
    expect(stored).toEqual([
      { start_date: '2029-04-01', end_date: '2030-04-01' },
      { start_date: '2029-12-01', end_date: '2030-01-01' },
    ]);
    const next = await until(async () => (await jobsFor('2030-01-11'))[0]);
    expect(new Date(next.start_after).toISOString()).toBe('2030-01-10T18:00:00.000Z');

    // A second job for a day already checked (another server's) writes nothing and ends there.
    expect(await recordRetentionScan(t.db.knex, '2030-01-10')).toBe(false);
    expect(await t.db.knex('retention_scans')).toHaveLength(1);

    // The admin page says when the list was last checked.
    const admin = await t.as('admin');
    const res = await admin.get('/api/retention/due');
    expect(res.status).toBe(200);
    expect(res.body.last_scan).toMatchObject({ as_of: '2030-01-10', requests: due.requests.length });
  });
});
