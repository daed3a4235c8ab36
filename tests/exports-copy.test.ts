import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../server/domain/labels.js';
import { EXPORT_COLUMNS } from '../server/exports/columns.js';
import { formatValue } from '../server/exports/format.js';
import { useTestApp } from './helpers/app.js';
import { createRequest, createVolunteer } from './helpers/factories.js';

const t = useTestApp();

/**
 * On PostgreSQL, exports are written by COPY with SQL formatting; on PGlite by Node. Both must
 * give the same cells: here the COPY output is compared with Node's formatting of the same rows.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('CSV written by PostgreSQL equals CSV formatted by Node', () => {
  const TABLE: Record<string, string> = {
    clients: 'clients',
    volunteers: 'volunteers',
    'support-requests': 'support_requests',
    expenses: 'expenses',
  };

  async function compare(resource: string, lang: Lang) {
    const admin = await t.as('admin');
    const res = await admin
      .get(`/api/exports/${resource}.csv`)
      .query({ lang, sort: '["id","ASC"]' })
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const [, ...got] = parse((res.body as Buffer).toString('utf8').replace(/^\uFEFF/, '')) as string[][];
    const columns = EXPORT_COLUMNS[resource]!;
    const table = TABLE[resource]!;
    const rows = await t.db
      .knex(table)
      .select(columns.map((c) => (c.sql ? t.db.knex.raw(`(${c.sql(table, lang)}) as ??`, [c.field]) : `${table}.${c.field}`)))
      .orderBy('id');
    const expected = rows.map((row) => columns.map((c) => String(formatValue(c, row[c.field], lang))));
    expect(got).toEqual(expected);
  }

  it('for residents, volunteers, requests and expenses, in Japanese and English', async () => {
    const k = t.db.knex;
    await k('clients').insert([
      {
        client_no: 'C-X1',
        name: 'Ann "A", B',
        name_kana: 'アン',
        nationality: 'UA',
        languages: ['uk', 'ru'],
        japanese_level: 'basic',
        phone: '+81 80-1111-2222',
        municipality_code: '131105',
        eligibility: 'general',
        consent_at: '2026-03-02T23:59:00+09:00',
        notes: '=HYPERLINK("x")',
      },
      {
        client_no: 'C-X2',
        name: '  @mention',
        languages: ['fa'],
        eligibility: 'ofp_member',
        ofp_member_no: 'OFP-1',
        notes: '改行\nあり',
        address: '－1丁目',
      },
    ]);
    const [mention] = await k('clients').where('client_no', 'C-X2').select('id');
    const formulaVolunteer = await createVolunteer(k, {
      name: '＝全角',
      task_types: ['hospital', 'ward_office'],
      service_municipality_codes: ['131105', '131091'],
      monthly_limit: 3,
    });
    // A looked-up name that looks like a formula (the client's, the volunteer's) is guarded too.
    const r = await createRequest(k, {
      client_id: mention.id,
      status: 'received',
      start_at: '2026-03-07T10:00:00+09:00',
      end_at: '2026-03-07T12:00:00+09:00',
    });
    await k('support_requests').where('id', r.id).update({ description: '\t=tab', place: 'Clinic, 2F' });
    await k('expenses').insert({
      request_id: r.id,
      volunteer_id: formulaVolunteer.id,
      kind: 'transfer_fee',
      amount_yen: 110,
      settled_on: '2026-03-09',
      settlement_method: 'cash',
    });
    for (const lang of ['ja', 'en'] as const) {
      for (const resource of Object.keys(TABLE)) await compare(resource, lang);
    }
    const admin0 = await t.as('admin');
    const requests = await admin0.get('/api/exports/support-requests.csv').buffer(true);
    expect(requests.text).toContain("'  @mention");
    const expenses = await admin0.get('/api/exports/expenses.csv').buffer(true);
    expect(expenses.text).toContain("'＝全角");
    // Filter values are inlined into COPY by Knex's escaping: quotes and backslashes stay data.
    const admin = await t.as('admin');
    const hostile = await admin.get('/api/exports/clients.csv').query({ filter: JSON.stringify({ q: "o'); drop table clients; --\\" }) });
    expect(hostile.status).toBe(200);
    expect(await k('clients').count({ n: '*' })).toBeTruthy();
  });
});
