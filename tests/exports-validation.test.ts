import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../server/http/error-handler.js';
import { copyCsv } from '../server/exports/copy.js';
import { useTestApp } from './helpers/app.js';
import { createPartner } from './helpers/factories.js';

const t = useTestApp();

const exportsOf = async (resource: string) =>
  Number((await t.db.knex('audit_log').where({ action: 'export', resource }).count({ n: '*' }))[0]!.n);

/** The raw outcome of a request: a response, or the connection cut after the header was sent. */
async function outcome(req: request.Test) {
  try {
    const res = await req;
    // Each answer quotes its own request id; the rest must be the same.
    const { request_id: _id, ...body } = res.body as { error?: string; message?: string; request_id?: string };
    return { status: res.status, body, type: String(res.headers['content-type']) };
  } catch (err) {
    return { status: 'connection cut', error: String(err) };
  }
}

describe('export filters are checked before the first byte', () => {
  it('refuses values the database cannot read with the same 400 as the list, and writes no audit entry', async () => {
    const agent = await t.as('coordinator');
    await createPartner(t.db.knex, { name: '検証団体' });
    const before = await exportsOf('partners');
    const filters = [
      { created_at_gte: '0000-01-01T00:00:00Z' },
      { created_at_gte: '0000-01-01' },
      { created_at: '0000-06-01' },
      { updated_at_lt: '0000-01-01T00:00:00+09:00' },
      { name: 'a\u0000b' },
      { q: 'x\u0000' },
    ];
    for (const filter of filters) {
      const query = { filter: JSON.stringify(filter) };
      const list = await outcome(agent.get('/api/partners').query(query));
      const csv = await outcome(agent.get('/api/exports/partners.csv').query(query));
      expect(list, JSON.stringify(filter)).toMatchObject({
        status: 400,
        body: { error: 'validation', message: expect.stringMatching(/絞り込み条件/) },
      });
      expect(csv, JSON.stringify(filter)).toEqual(list);
    }
    expect(await exportsOf('partners')).toBe(before);
    // Offsets the database would refuse (beyond ±15:59) are read as the instant they name.
    const far = { filter: JSON.stringify({ created_at_lte: '2999-01-01T00:00:00+23:00' }) };
    expect((await agent.get('/api/partners').query(far)).status).toBe(200);
    const csv = await agent.get('/api/exports/partners.csv').query(far);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('検証団体');
  });

  it('records only the validated filter in the audit log', async () => {
    const agent = await t.as('coordinator');
    const partner = await createPartner(t.db.knex, { name: '監査団体' });
    const filter = {
      q: `監査${'あ'.repeat(300)}`,
      id: [String(partner.id)],
      created_at_gte: '2000-01-01T09:00:00+09:00',
      archived_at: null,
    };
    const res = await agent.get('/api/exports/partners.csv').query({ filter: JSON.stringify(filter) });
    expect(res.status).toBe(200);
    const entry = await t.db.knex('audit_log').where({ action: 'export', resource: 'partners' }).orderBy('id', 'desc').first();
    expect(entry.details.filter).toEqual({
      q: `監査${'あ'.repeat(198)}`,
      id: [partner.id],
      created_at_gte: '2000-01-01T00:00:00.000Z',
      archived_at: null,
    });
  });

  it('answers HEAD with the checks and headers of GET, without reading data or writing an audit entry', async () => {
    const agent = await t.as('secretariat');
    const before = await exportsOf('support-requests');
    const head = await agent.head('/api/exports/support-requests.csv').query({ encoding: 'shift_jis' });
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    expect(head.headers['content-disposition']).toMatch(/attachment; filename="support-requests_\d{8}_sjis\.csv"/);
    expect((await agent.head('/api/exports/monthly.csv').query({ month: '2026-04' })).status).toBe(200);
    expect((await agent.head('/api/exports/support-requests.csv').query({ filter: '{"created_at":"0000-01-01"}' })).status).toBe(400);
    expect((await agent.head('/api/exports/audit-log.csv')).status).toBe(403);
    expect((await agent.head('/api/exports/nothing.csv')).status).toBe(404);
    expect((await (await t.as('volunteer_staff')).head('/api/exports/monthly.csv').query({ month: '2026-04' })).status).toBe(403);
    expect(await exportsOf('support-requests')).toBe(before);
    expect(
      await t.db
        .knex('audit_log')
        .where({ action: 'export', resource: 'reports/monthly' })
        .count({ n: '*' })
        .then((r) => Number(r[0]!.n)),
    ).toBe(0);
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'on PostgreSQL, a COPY the database refuses is an error response, not a cut download',
    async () => {
      const app = express();
      app.get('/x.csv', (_req, res) =>
        copyCsv(t.db.knex, res, 'x.csv', ['n'], 'select 1 / (select count(*) from partners where false) as n', 'utf-8'),
      );
      const logged: unknown[] = [];
      app.use(errorHandler((err) => logged.push(err)));
      const res = await outcome(request(app).get('/x.csv'));
      expect(res).toMatchObject({ status: 500, body: { error: 'internal' } });
      expect(logged).toHaveLength(1);
    },
  );
});
