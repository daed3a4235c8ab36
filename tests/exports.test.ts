import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { neutralise } from '../server/domain/csv.js';
import { useTestApp } from './helpers/app.js';
import { createClient, createPartner, createRequest, createStaff, createVolunteer } from './helpers/factories.js';
import { loadReportFixture } from './helpers/report-fixture.js';

const t = useTestApp();

/** Downloads a CSV as bytes. */
async function download(agent: ReturnType<typeof request.agent>, path: string, query: Record<string, string> = {}) {
  const res = await agent
    .get(path)
    .query(query)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  return res as typeof res & { body: Buffer };
}
const rowsOf = (buf: Buffer) => parse(buf.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];

describe('CSV exports', () => {
  it('sends UTF-8 with a BOM, CRLF rows, a dated attachment name and Japanese headers', async () => {
    const agent = await t.as('coordinator');
    await createPartner(t.db.knex, { name: 'さくら支援会' });
    const res = await download(agent, '/api/exports/partners.csv');
    expect(res.status).toBe(200);
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers['content-type']).toMatch(/text\/csv; charset=UTF-8/i);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="partners_\d{8}\.csv"/);
    expect(res.body.toString('utf8')).toContain('\r\n');
    const [header, ...rows] = rowsOf(res.body);
    expect(header).toContain('団体名');
    expect(rows.map((r) => r[header!.indexOf('団体名')])).toContain('さくら支援会');
    const en = rowsOf((await download(agent, '/api/exports/partners.csv', { lang: 'en' })).body)[0];
    expect(en).toContain('Name');
  });

  it('round-trips Japanese text through Shift_JIS', async () => {
    const agent = await t.as('coordinator');
    await createPartner(t.db.knex, { name: '髙橋・﨑山国際交流会' });
    const res = await download(agent, '/api/exports/partners.csv', { encoding: 'shift_jis' });
    expect(res.headers['content-type']).toMatch(/Shift_JIS/i);
    expect([...res.body.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = iconv.decode(res.body, 'cp932');
    expect(text).toContain('団体名');
    expect(text).toContain('髙橋・﨑山国際交流会');
  });

  it('neutralises every formula trigger, after spaces, a BOM or control characters, including full-width', () => {
    const triggers = ['=', '+', '-', '@', '|', '%', '\t', '\r', '＝', '＋', '－', '＠'];
    for (const trigger of triggers) {
      for (const prefix of ['', '  ', '\uFEFF', '\u0001', ' \u3000']) {
        const cell = `${prefix}${trigger}SUM(A1)`;
        expect(neutralise(cell), JSON.stringify(cell)).toBe(`'${cell}`);
      }
    }
    for (const safe of ['山田', 'a=b', '03-1234-5678', '2026-03-02', '', ' plain']) expect(neutralise(safe)).toBe(safe);
  });

  it('neutralises formula text in a real export but keeps numeric columns as numbers', async () => {
    const agent = await t.as('coordinator');
    const p = await createPartner(t.db.knex, { name: '=HYPERLINK("http://x","click")', contact_name: ' ＠mention' });
    const text = (await download(agent, '/api/exports/partners.csv', { filter: JSON.stringify({ id: [p.id] }) })).body.toString('utf8');
    const [header, row] = rowsOf(Buffer.from(text));
    expect(row![header!.indexOf('団体名')]).toBe(`'=HYPERLINK("http://x","click")`);
    expect(row![header!.indexOf('担当者名')]).toBe(`' ＠mention`);
    // The list's internal id is not a column of the file.
    expect(header).not.toContain('ID');
    expect(text).not.toMatch(new RegExp(`\\r\\n${p.id},`));
  });

  it('exports requests and volunteers with readable numbers, names and municipality names, numbers as numbers', async () => {
    const coordinator = await createStaff(t.db.knex, { display_name: '小川 理沙' });
    const client = await createClient(t.db.knex, { name: '阮 文安', municipality_code: '131105' });
    const r = await createRequest(t.db.knex, { client_id: client.id });
    await t.db.knex('support_requests').where('id', r.id).update({ coordinator_id: coordinator.id });
    const v = await createVolunteer(t.db.knex, {
      name: '井上 智子',
      municipality_code: '131105',
      service_municipality_codes: ['131105', '131091'],
    });
    await t.db.knex('expenses').insert({ request_id: r.id, volunteer_id: v.id, kind: 'transport', amount_yen: 1280 });
    const agent = await t.as('coordinator');
    const requests = rowsOf((await download(agent, '/api/exports/support-requests.csv', { filter: JSON.stringify({ id: [r.id] }) })).body);
    const [rh, row] = [requests[0]!, requests[1]!];
    const cell = (h: string[], r: string[], name: string) => r[h.indexOf(name)];
    expect(rh[0]).toBe('依頼番号');
    expect(cell(rh, row, '利用者番号')).toBe(client.client_no);
    expect(cell(rh, row, '利用者氏名')).toBe('阮 文安');
    expect(cell(rh, row, '区市町村')).toBe('目黒区');
    expect(cell(rh, row, '担当コーディネーター')).toBe('小川 理沙');
    expect(row).not.toContain(String(r.id));
    expect(row).not.toContain('131105');
    const en = rowsOf(
      (await download(agent, '/api/exports/support-requests.csv', { filter: JSON.stringify({ id: [r.id] }), lang: 'en' })).body,
    );
    expect(en[1]![en[0]!.indexOf('Municipality')]).toMatch(/Meguro/);
    const volunteers = rowsOf((await download(agent, '/api/exports/volunteers.csv', { filter: JSON.stringify({ id: [v.id] }) })).body);
    const [vh, vrow] = [volunteers[0]!, volunteers[1]!];
    expect(vh[0]).toBe('ボランティア番号');
    expect(cell(vh, vrow, '居住区市町村')).toBe('目黒区');
    expect(cell(vh, vrow, '活動できる区市町村')).toBe('目黒区、品川区');
    const expenses = await download(agent, '/api/exports/expenses.csv', { filter: JSON.stringify({ request_id: r.id }) });
    const [eh, erow] = rowsOf(expenses.body);
    expect(cell(eh!, erow!, '依頼番号')).toBe(r.request_no);
    expect(cell(eh!, erow!, 'ボランティア氏名')).toBe('井上 智子');
    // An amount is written as a number (unquoted), not as text.
    expect(expenses.body.toString('utf8')).toMatch(/,1280,/);
  });

  it('honours the list filter and sort, and writes an audit entry with them', async () => {
    const agent = await t.as('coordinator');
    await createPartner(t.db.knex, { name: 'フィルタ対象A' });
    await createPartner(t.db.knex, { name: 'フィルタ対象B' });
    const filter = JSON.stringify({ q: 'ふぃるた' });
    const [header, ...rows] = rowsOf((await download(agent, '/api/exports/partners.csv', { filter, sort: '["name","DESC"]' })).body);
    expect(rows.map((r) => r[header!.indexOf('団体名')])).toEqual(['フィルタ対象B', 'フィルタ対象A']);
    const entry = await t.db.knex('audit_log').where({ action: 'export', resource: 'partners' }).orderBy('id', 'desc').first();
    expect(entry.details.filter).toEqual({ q: 'ふぃるた' });
    expect((await agent.get('/api/exports/partners.csv').query({ filter: '{"nope":1}' })).status).toBe(400);
    expect((await agent.get('/api/exports/partners.csv').query({ encoding: 'latin1' })).status).toBe(400);
    expect((await agent.get('/api/exports/nothing.csv')).status).toBe(404);
  });

  it('gives residents’ contact details only to admin and coordinator, and special-care notes to nobody', async () => {
    const c = await createClient(t.db.knex, { name: 'Export Person' });
    await t.db.knex('clients').where('id', c.id).update({
      phone: '080-9999-1234',
      email: 'ep@example.com',
      address: '目黒区1-2-3',
      consent_at: new Date(),
      sensitive_consent_at: new Date(),
      special_care_notes: '通院中の持病',
    });
    const filter = JSON.stringify({ id: [c.id] });
    for (const role of ['admin', 'coordinator'] as const) {
      const text = (await download(await t.as(role), '/api/exports/clients.csv', { filter })).body.toString('utf8');
      expect(text).toContain('080-9999-1234');
      expect(text).not.toContain('通院中');
      expect(text).not.toContain('要配慮');
    }
    const secretariat = (await download(await t.as('secretariat'), '/api/exports/clients.csv', { filter })).body.toString('utf8');
    expect(secretariat).toContain('Export Person');
    for (const hidden of ['080-9999-1234', 'ep@example.com', '目黒区1-2-3', '通院中']) expect(secretariat).not.toContain(hidden);
    expect((await (await t.as('volunteer_staff')).get('/api/exports/clients.csv')).status).toBe(403);
    expect((await request(t.app).get('/api/exports/clients.csv')).status).toBe(401);
  });

  it('exports the monthly report for outsiders with suppression, and the fiscal year', async () => {
    await loadReportFixture(t.db.knex);
    const agent = await t.as('secretariat');
    const res = await download(agent, '/api/exports/monthly.csv', { month: '2025-06', audience: 'external' });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/monthly-report_2025-06_external_\d{8}\.csv/);
    const all = rowsOf(res.body);
    // A title and the periods compared come first, so a forwarded file says what it is.
    expect(all[0]![0]).toBe('スポットおとなりさん 月次レポート');
    expect(all[1]).toEqual(['対象期間', '2025/06/01〜2025/06/30']);
    expect(all[2]).toEqual(['比較期間 (前期)', '2025/05/01〜2025/05/31']);
    const at = all.findIndex((r) => r[0] === '区分');
    const [header, ...rows] = all.slice(at);
    expect(header).toEqual(['区分', '項目', '当期', '前期', '増減']);
    const find = (section: string, item: string) => rows.find((r) => r[0] === section && r[1] === item);
    expect(find('件数', '受付件数')!.slice(2)).toEqual(['5', '<3', '']);
    expect(find('受付経路別', '電話')![2]).toBe('<3');
    expect(find('言語別', 'ウクライナ語')![2]).toBe('*');
    expect(find('区市町村別', '目黒区')![2]).toBe('*');
    expect(find('区市町村別', '世田谷区')![2]).toBe('<3');
    const text = res.body.toString('utf8');
    // Numbers are written as numbers, not quoted text.
    expect(text).toMatch(/件数,受付件数,5,<3,\r\n/);
    const internal = rowsOf((await download(agent, '/api/exports/monthly.csv', { month: '2025-06' })).body);
    expect(internal.find((r) => r[0] === '受付経路別' && r[1] === '電話')![2]).toBe('2');
    // Rates in percent as on screen (never 0.364), with the change in points; counts with their change.
    const rate = internal.find((r) => r[0] === '率' && r[1] === 'マッチング率 (%)')!;
    for (const v of rate.slice(2, 4)) if (v !== '') expect(Number(v)).toBeGreaterThan(1);
    const received = internal.find((r) => r[0] === '件数' && r[1] === '受付件数')!;
    expect(Number(received[4])).toBe(Number(received[2]) - Number(received[3]));
    const fy = await download(agent, '/api/exports/fiscal-year.csv', { year: '2025', lang: 'en' });
    const fyRows = rowsOf(fy.body);
    expect(fyRows[0]![0]).toBe('Spot Otonari-san fiscal-year report');
    expect(fyRows[1]).toEqual(['Period', '2025-04-01〜2026-03-31']);
    expect(fyRows.find((r) => r[0] === 'Section')).toEqual(['Section', 'Item', 'This period', 'Previous period', 'Change']);
    // The UTF-8 and Shift_JIS files have different names.
    const sjis = await download(agent, '/api/exports/monthly.csv', { month: '2025-06', encoding: 'shift_jis' });
    expect(sjis.headers['content-disposition']).toMatch(/monthly-report_2025-06_\d{8}_sjis\.csv/);
    expect(iconv.decode(sjis.body, 'cp932')).toContain('月次レポート');
    expect(await t.db.knex('audit_log').where({ action: 'export', resource: 'reports/monthly' }).first()).toBeTruthy();
    expect((await agent.get('/api/exports/monthly.csv').query({ month: '2025-6' })).status).toBe(400);
  });
});
