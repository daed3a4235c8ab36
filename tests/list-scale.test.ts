import { describe, expect, it } from 'vitest';
import { activityReports } from '../server/activity-reports/resource.js';
import { assignments } from '../server/assignments/resource.js';
import { auditLog } from '../server/audit-log/resource.js';
import { clients } from '../server/clients/resource.js';
import { EXACT_COUNT_LIMIT, ResourceRepository, SURE_COUNT } from '../server/core/repository.js';
import { parseListQuery } from '../server/core/list-query.js';
import { LIST_DEPTH_LIMIT } from '../server/domain/lists.js';
import { expenses } from '../server/expenses/resource.js';
import { idChecks } from '../server/id-checks/resource.js';
import { requestEvents } from '../server/request-events/resource.js';
import { supportRequests } from '../server/support-requests/resource.js';
import { volunteers } from '../server/volunteers/resource.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

/** The resources whose tables grow with the service's work (the others hold tens of rows). */
const LARGE = [supportRequests, clients, volunteers, assignments, auditLog, expenses, activityReports, idChecks, requestEvents];

describe('lists that do not count the world', () => {
  it('counts exactly up to the limit, then answers the planner’s estimate, marked approximate', async () => {
    const extra = EXACT_COUNT_LIMIT + 1_500;
    await t.db.knex.raw(
      `insert into audit_log (staff_id, action, resource, record_id, changed_fields)
       select null, 'view', 'clients', g::text, '{}' from generate_series(1, ?) g`,
      [extra],
    );
    await t.db.knex.raw('analyze audit_log');
    const admin = await t.as('admin');
    const sent: { sql: string; bindings: unknown[] }[] = [];
    const listener = (q: { sql: string; bindings: unknown[] }) => sent.push(q);
    t.db.knex.on('query', listener);
    const all = await admin.get('/api/audit-log').query({ range: '[0,24]', sort: '["at","DESC"]' });
    t.db.knex.removeListener('query', listener);
    // The planner expected more than the limit: only SURE_COUNT + 1 matches were counted, not 10,001.
    const count = sent.find((q) => q.sql.startsWith('select count(*)'));
    expect(count?.bindings).toContain(SURE_COUNT + 1);
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(25);
    expect(all.headers['x-total-approximate']).toBe('true');
    const total = Number(String(all.headers['content-range']).split('/')[1]);
    expect(total).toBeGreaterThan(EXACT_COUNT_LIMIT);
    const counted = Number((await t.db.knex('audit_log').count({ n: '*' }))[0]!.n);
    // Two significant figures of the planner's estimate.
    expect(Math.abs(total - counted) / counted).toBeLessThan(0.2);
    expect(String(total)).toMatch(/^\d{2}0+$/);

    // A selective filter is counted exactly, without the header.
    const few = await admin.get('/api/audit-log').query({ range: '[0,1]', filter: JSON.stringify({ action: 'login' }) });
    expect(few.status).toBe(200);
    expect(few.headers['x-total-approximate']).toBeUndefined();
    const logins = Number((await t.db.knex('audit_log').where('action', 'login').count({ n: '*' }))[0]!.n);
    expect(few.headers['content-range']).toMatch(new RegExp(`/${logins}$`));
  });

  it('counts exactly when the planner expects many matches but there are few', async () => {
    // Statistics taken with 12,000 rows of one action, then all but 60 of them removed: the
    // planner still expects thousands, the list must say 60.
    await t.db.knex.raw(
      `insert into audit_log (staff_id, action, resource, record_id, changed_fields)
       select null, 'export', 'clients', g::text, '{}' from generate_series(1, 12000) g`,
    );
    await t.db.knex.raw('analyze audit_log');
    await t.db.knex('audit_log').where({ action: 'export', resource: 'clients' }).andWhere(t.db.knex.raw('record_id::int > 60')).delete();
    const admin = await t.as('admin');
    const res = await admin.get('/api/audit-log').query({ range: '[0,24]', filter: JSON.stringify({ action: 'export' }) });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(25);
    const exports = Number((await t.db.knex('audit_log').where('action', 'export').count({ n: '*' }))[0]!.n);
    expect(exports).toBeLessThan(SURE_COUNT);
    expect(res.headers['x-total-approximate']).toBeUndefined();
    expect(res.headers['content-range']).toMatch(new RegExp(`/${exports}$`));
  });

  it('answers the exact total from a short page without counting', async () => {
    const admin = await t.as('admin');
    const page = await admin.get('/api/staff').query({ range: '[0,499]' });
    const staff = Number((await t.db.knex('staff').count({ n: '*' }))[0]!.n);
    expect(page.headers['content-range']).toBe(`staff 0-${staff - 1}/${staff}`);
  });

  it('stops at a sensible depth with a sentence to refine the filter', async () => {
    const admin = await t.as('admin');
    const deep = await admin.get('/api/audit-log').query({ range: `[${LIST_DEPTH_LIMIT},${LIST_DEPTH_LIMIT + 24}]` });
    expect(deep.status).toBe(400);
    expect(deep.body.errors.range).toContain('絞り込む');
    const last = await admin.get('/api/audit-log').query({ range: `[${LIST_DEPTH_LIMIT - 25},${LIST_DEPTH_LIMIT - 1}]` });
    expect(last.status).toBe(200);
  });

  it('has an index that serves every allowed sort of the large lists, both ways', async () => {
    const unserved: string[] = [];
    await t.db.knex.transaction(async (trx) => {
      // With sorting priced out, the planner sorts only where no index gives the order.
      await trx.raw('set local enable_sort = off');
      for (const config of LARGE) {
        const repo = new ResourceRepository(config);
        for (const field of config.list.sortable) {
          for (const order of ['ASC', 'DESC']) {
            const query = parseListQuery({ sort: JSON.stringify([field, order]), range: '[0,24]' }, config.list);
            const { sql, bindings } = repo.pageQuery(t.db.knex, query).toSQL();
            const plan = JSON.stringify((await trx.raw(`explain (format json) ${sql}`, bindings)).rows[0]['QUERY PLAN']);
            if (/"Node Type":\s*"(Incremental )?Sort"/.test(plan)) unserved.push(`${config.name} ${field} ${order}`);
          }
        }
      }
    });
    expect(unserved).toEqual([]);
  });
});

describe('the planner’s guess for a name search', () => {
  it('comes from a histogram of 1,000 entries on every large table’s search columns', async () => {
    const { rows } = await t.db.knex.raw(
      `select attrelid::regclass::text as "table", attname as "column", attstattarget as target
         from pg_attribute where attname in ('search_text', 'search_basic')
          and attrelid in ('support_requests'::regclass, 'clients'::regclass, 'volunteers'::regclass)
        order by 1, 2`,
    );
    // With 100 entries one chance hit would mean 1 % of the table, and the list would trust a
    // guess after counting only SURE_COUNT matches.
    expect(rows).toEqual([
      { table: 'clients', column: 'search_basic', target: 1000 },
      { table: 'clients', column: 'search_text', target: 1000 },
      { table: 'support_requests', column: 'search_basic', target: 1000 },
      { table: 'support_requests', column: 'search_text', target: 1000 },
      { table: 'volunteers', column: 'search_text', target: 1000 },
    ]);
  });
});
