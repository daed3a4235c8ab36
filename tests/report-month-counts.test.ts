import { describe, expect, it } from 'vitest';
import { buildReport } from '../server/reports/report.js';
import { periodsFor } from '../server/reports/routes.js';
import { useTestApp } from './helpers/app.js';
import { createVolunteer } from './helpers/factories.js';

/**
 * The monthly report reads the per-month counts the database keeps (report_month_counts); here
 * every report is also computed from the requests themselves (the SQL the counts replaced) and
 * the two must be equal, after building varied data through the API and after editing the past.
 */
const t = useTestApp();

const MONTHS = ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
type Agent = Awaited<ReturnType<typeof t.as>>;

async function ok(res: Promise<{ status: number; body: unknown }>, status = 200) {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body as Record<string, unknown> & { id: number; version: number };
}

/** Every monthly report of MONTHS and both fiscal years, through the API and from the records. */
async function expectSameAsRecords(agent: Agent) {
  for (const month of MONTHS) {
    const api = await ok(agent.get('/api/reports/monthly').query({ month }));
    const [period, previous] = periodsFor('monthly', { month });
    const reference = JSON.parse(JSON.stringify(await buildReport(t.db.knex, period, previous, 'records')));
    expect(api, month).toEqual(reference);
  }
  for (const year of [2025, 2026]) {
    const api = await ok(agent.get('/api/reports/fiscal-year').query({ year }));
    const [period, previous] = periodsFor('fiscal-year', { year });
    expect(api, `FY${year}`).toEqual(JSON.parse(JSON.stringify(await buildReport(t.db.knex, period, previous, 'records'))));
  }
}

const slot = (day: string) => ({ start_at: `${day}T10:00:00+09:00`, end_at: `${day}T12:00:00+09:00` });

describe('monthly counts kept by the database', () => {
  let coordinator: Agent;
  let secretariat: Agent;
  const clients: { id: number; version: number }[] = [];
  const requests: { id: number; version: number }[] = [];

  it('equal the figures counted from the requests, for varied requests built through the API', async () => {
    coordinator = await t.as('coordinator');
    secretariat = await t.as('secretariat');
    const people: [string, string | null, string[], string | null][] = [
      ['グエン ティ ラン', 'VN', ['vi'], '131105'],
      ['Olena Kovalenko', 'UA', ['uk', 'en'], '131121'],
      ['Maria Santos', 'PH', ['tl', 'en'], null],
      ['名前のみ', null, ['ja'], '131105'],
    ];
    for (const [name, nationality, languages, municipality_code] of people) {
      clients.push(
        await ok(
          coordinator.post('/api/clients').send({
            name,
            ...(nationality ? { nationality } : {}),
            languages,
            ...(municipality_code ? { municipality_code } : {}),
            eligibility: 'ofp_member',
            ofp_member_no: `OFP-${clients.length + 1}`,
            consent_at: '2026-01-10T10:00:00+09:00',
          }),
          201,
        ),
      );
    }
    // Received in February to May (Japan time), around month ends, with every dimension varied.
    const specs: Record<string, unknown>[] = [
      { c: 0, received_at: '2026-02-27T15:00:00+09:00', channel: 'phone', category: 'medical', task_type: 'hospital', language: 'vi' },
      {
        c: 1,
        received_at: '2026-02-28T23:30:00+09:00',
        channel: 'email',
        category: 'education',
        task_type: 'school_meeting',
        language: 'uk',
      },
      { c: 0, received_at: '2026-03-01T00:10:00+09:00', channel: 'web_form', category: 'medical', task_type: 'hospital', mode: 'online' },
      {
        c: 2,
        received_at: '2026-03-05T09:00:00+09:00',
        channel: 'partner',
        category: 'lifeline',
        task_type: 'utilities_setup',
        language: 'tl',
      },
      { c: 3, received_at: '2026-03-31T23:59:00+09:00', channel: 'walk_in', category: 'welfare', task_type: 'ward_office', language: 'ja' },
      { c: 1, received_at: '2026-04-02T10:00:00+09:00', channel: 'phone', category: 'housing', task_type: 'real_estate', language: 'en' },
      { c: 2, received_at: '2026-04-15T10:00:00+09:00', channel: 'phone', category: 'administrative', task_type: 'ward_office' },
      { c: 0, received_at: '2026-04-30T20:00:00+09:00', channel: 'email', category: 'medical', task_type: 'hospital', language: 'vi' },
      { c: 3, received_at: '2026-05-01T08:00:00+09:00', channel: 'partner', category: 'education', task_type: 'daycare_application' },
      { c: 1, received_at: '2026-05-20T10:00:00+09:00', channel: 'phone', category: 'medical', task_type: 'hospital', language: 'uk' },
    ];
    for (const [i, { c, ...spec }] of specs.entries()) {
      requests.push(
        await ok(
          coordinator.post('/api/support-requests').send({
            client_id: clients[c as number]!.id,
            municipality_code: i % 3 === 2 ? null : i % 2 ? '131121' : '131105',
            ...slot(`2026-03-${String(2 + (i % 5)).padStart(2, '0')}`),
            ...spec,
          }),
          201,
        ),
      );
    }
    const status = (i: number, to: string, reason?: string) =>
      ok(coordinator.post(`/api/support-requests/${requests[i]!.id}/status`).send({ status: to, ...(reason ? { reason } : {}) }));
    for (const i of [0, 1, 2, 3, 5, 6, 9]) {
      await status(i, 'checking');
      await status(i, 'matching');
    }
    await status(4, 'rejected', '対象外');
    await status(8, 'cancelled', 'ご本人の都合');
    await status(6, 'unmatched', '対応できる人がいない');
    // Confirmed, done and closed; confirmed and left; confirmed and then reopened (the volunteer withdrew).
    const volunteers = [await createVolunteer(t.db.knex), await createVolunteer(t.db.knex), await createVolunteer(t.db.knex)];
    const confirm = (i: number, v: number) =>
      ok(
        coordinator.post('/api/assignments').send({ request_id: requests[i]!.id, volunteer_id: volunteers[v]!.id, status: 'confirmed' }),
        201,
      );
    await confirm(0, 0);
    await ok(
      coordinator.post('/api/activity-reports').send({
        request_id: requests[0]!.id,
        actual_start_at: '2026-03-02T10:00:00+09:00',
        actual_end_at: '2026-03-02T11:30:00+09:00',
        outcome: 'resolved',
        summary: '同行した',
      }),
      201,
    );
    await status(0, 'closed');
    await confirm(1, 1);
    const withdrawn = await confirm(3, 2);
    await ok(coordinator.put(`/api/assignments/${withdrawn.id}`).send({ version: withdrawn.version, status: 'cancelled' }));
    expect((await t.db.knex('support_requests').where('id', requests[3]!.id).first()).status).toBe('matching');

    const march = await ok(secretariat.get('/api/reports/monthly').query({ month: '2026-03' }));
    const counts = march.counts as Record<string, { value: number; previous: number }>;
    expect([counts.received!.value, counts.matched!.value, counts.new_residents!.value, counts.residents!.value]).toEqual([3, 1, 2, 3]);
    expect([counts.received!.previous, counts.matched!.previous, counts.completed!.previous]).toEqual([2, 2, 1]);
    expect(Number((await t.db.knex('report_month_counts').sum('n as n').first())?.n)).toBeGreaterThan(0);
    await expectSameAsRecords(secretariat);
  });

  it('stay equal after past requests are edited, moved to another month or resident, and a nationality changes', async () => {
    const edit = async (i: number, changes: Record<string, unknown>) => {
      const current = await t.db.knex('support_requests').where('id', requests[i]!.id).first();
      await ok(coordinator.put(`/api/support-requests/${current.id}`).send({ version: current.version, ...changes }));
    };
    // February's done request: another channel, language and area.
    await edit(0, { channel: 'partner', language: 'en', municipality_code: '131121' });
    // A March request moved back to February (now the resident's first), a May one moved to March.
    await edit(2, { received_at: '2026-02-10T09:00:00+09:00' });
    await edit(9, { received_at: '2026-03-15T09:00:00+09:00', category: 'welfare', task_type: 'ward_office', mode: 'online' });
    // The request of the resident without nationality passes to another resident.
    await edit(5, { client_id: clients[3]!.id, language: null });
    const ua = await t.db.knex('clients').where('id', clients[1]!.id).first();
    await ok(coordinator.put(`/api/clients/${ua.id}`).send({ version: ua.version, nationality: 'RU' }));
    // The reopened request confirmed again; the rejected one stays; the unmatched one unchanged.
    const v = await createVolunteer(t.db.knex);
    await ok(coordinator.post('/api/assignments').send({ request_id: requests[3]!.id, volunteer_id: v.id, status: 'confirmed' }), 201);

    const feb = await ok(secretariat.get('/api/reports/monthly').query({ month: '2026-02' }));
    const counts = feb.counts as Record<string, { value: number }>;
    expect([counts.received!.value, counts.new_residents!.value]).toEqual([3, 2]);
    const nationality = (feb.breakdowns as Record<string, { key: string; value: number }[]>).nationality!;
    expect(Object.fromEntries(nationality.map((b) => [b.key, b.value]))).toEqual({ VN: 2, RU: 1 });
    await expectSameAsRecords(secretariat);
    // Counting everything again (as after a bulk load) gives the rows the triggers kept, zeros aside.
    const kept = async () =>
      (await t.db.knex('report_month_counts').whereNot('n', 0).orderBy(['month', 'dimension', 'key']).select('*')).map((r) => ({
        ...r,
        month: String(r.month),
      }));
    const before = await kept();
    await t.db.knex.raw('select report_month_counts_refill()');
    expect(await kept()).toEqual(before);
  });

  it('stay equal when coordinators create and move requests at the same time (no deadlock, no lost count)', async () => {
    const others = await Promise.all([t.as('admin'), coordinator]);
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        ok(
          others[i % 2]!.post('/api/support-requests').send({
            client_id: clients[i % clients.length]!.id,
            channel: i % 3 ? 'phone' : 'email',
            category: 'medical',
            task_type: 'hospital',
            language: i % 2 ? 'vi' : 'en',
            received_at: `2026-0${4 + (i % 2)}-1${i % 10}T10:00:00+09:00`,
          }),
          201,
        ),
      ),
    );
    await Promise.all(
      created.map((r, i) =>
        ok(
          others[i % 2]!.post(`/api/support-requests/${r.id}/status`).send(
            i % 3 ? { status: 'checking' } : { status: 'rejected', reason: '対象外' },
          ),
        ),
      ),
    );
    await expectSameAsRecords(secretariat);
  });
});
