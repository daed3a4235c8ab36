import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/index.js';
import { searchTerms } from '../server/domain/search.js';
import { CLIENTS, VOLUNTEERS } from '../seeds/demo-data.js';
import { seedDemo } from '../seeds/demo.js';
import { createTestDb } from './helpers/db.js';

// The demo's people are created through their resources' services: the same derived columns,
// readable numbers and audit entries as records typed into the console.
describe('demo data', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    expect(await seedDemo(db.knex, new Date('2026-11-30T03:00:00Z'))).toBe(true);
  }, 60_000);
  afterAll(() => db?.close());

  it('numbers residents and volunteers in order, each with its audit entry by a demo staff member', async () => {
    const clients = await db.knex('clients').orderBy('id').select('id', 'client_no');
    expect(clients.map((c) => c.client_no)).toEqual(CLIENTS.map((_, i) => `C-${String(i + 1).padStart(5, '0')}`));
    const volunteers = await db.knex('volunteers').orderBy('id').select('id', 'volunteer_no');
    expect(volunteers).toHaveLength(VOLUNTEERS.length);
    for (const [resource, rows] of [
      ['clients', clients],
      ['volunteers', volunteers],
    ] as const) {
      const entries = await db
        .knex('audit_log')
        .join('staff', 'staff.id', 'audit_log.staff_id')
        .where({ resource, action: 'create' })
        .select('record_id', 'staff.email');
      expect(entries.map((e) => Number(e.record_id)).sort((a, b) => a - b)).toEqual(rows.map((r) => r.id));
      expect(entries.every((e) => e.email.endsWith('@demo.otonari.example'))).toBe(true);
    }
  });

  it('gives every request a readable number of its year and an audit entry', async () => {
    const requests = await db.knex('support_requests').select('id', 'request_no', 'received_at');
    expect(requests.length).toBeGreaterThan(10);
    for (const r of requests) expect(r.request_no).toMatch(/^R-\d{4}-\d{5}$/);
    const audited = await db.knex('audit_log').where({ resource: 'support-requests', action: 'create' }).count({ n: '*' });
    expect(Number(audited[0]!.n)).toBe(requests.length);
  });

  it('derives search text as the service does: a resident is found by their OFP member number', async () => {
    const member = CLIENTS.find((c) => c.ofp_member_no);
    const row = await db.knex('clients').where('name', member!.name).first('search_text');
    expect(row.search_text).toContain(searchTerms(member!.ofp_member_no!)[0]);
  });

  it('works out each volunteer’s ID-check expiry from their checks and the settings', async () => {
    const rows = await db
      .knex('volunteers as v')
      .select('v.name', 'v.id_check_valid_until as until')
      .select(
        db.knex.raw(
          `(select case when c.result = 'passed' then c.valid_until end from id_checks c
             where c.volunteer_id = v.id order by c.checked_on desc, c.id desc limit 1) as latest`,
        ),
      );
    for (const r of rows) expect(String(r.until), r.name).toBe(String(r.latest));
    const checks = await db.knex('id_checks').where('result', 'passed').select('checked_on', 'valid_until', 'checked_by');
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) {
      const on = new Date(c.checked_on);
      const until = new Date(c.valid_until);
      expect(until.getFullYear() * 12 + until.getMonth() - (on.getFullYear() * 12 + on.getMonth())).toBe(36);
      expect(c.checked_by).not.toBeNull();
    }
  });
});
