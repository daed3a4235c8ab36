import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { loadReportFixture } from './helpers/report-fixture.js';

const t = useTestApp();
let loaded = false;
async function fixture() {
  if (!loaded) await loadReportFixture(t.db.knex);
  loaded = true;
}
const monthly = async (month: string, audience = 'internal') => {
  await fixture();
  const res = await (await t.as('secretariat')).get('/api/reports/monthly').query({ month, audience });
  expect(res.status).toBe(200);
  return res.body;
};
const values = (list: { key: string; value: unknown }[]) => Object.fromEntries(list.map((b) => [b.key, b.value]));

describe('monthly report (June 2025, worked out by hand)', () => {
  it('counts requests received in Japan-time month bounds, with outcomes and rates', async () => {
    const r = await monthly('2025-06');
    const v = (k: string) => r.counts[k].value;
    // RF-1..RF-5: RF-4 at 00:30 on 1 June JST (still May in UTC) is in; RF-out at 00:10 on 1 July JST is out.
    expect(v('received')).toBe(5);
    expect([v('matched'), v('completed'), v('cancelled'), v('unmatched'), v('rejected')]).toEqual([2, 2, 1, 1, 1]);
    expect(r.rates.match_rate.value).toBe(0.4);
    expect(r.rates.completion_rate.value).toBe(1);
    expect([v('residents'), v('new_residents'), v('returning_residents')]).toEqual([3, 2, 1]);
  });

  it('breaks requests down by channel, area, task, mode, language, nationality and municipality', async () => {
    const r = await monthly('2025-06');
    expect(values(r.breakdowns.channel)).toEqual({ phone: 2, email: 1, web_form: 1, partner: 1 });
    expect(values(r.breakdowns.category)).toEqual({ medical: 2, education: 1, lifeline: 1, welfare: 1 });
    expect(values(r.breakdowns.task_type)).toEqual({ hospital: 2, school_meeting: 1, utilities_setup: 1, ward_office: 1 });
    expect(values(r.breakdowns.mode)).toEqual({ in_person: 4, online: 1 });
    expect(values(r.breakdowns.language)).toEqual({ uk: 3, vi: 2 });
    expect(values(r.breakdowns.nationality)).toEqual({ UA: 3, VN: 2 });
    expect(values(r.breakdowns.municipality)).toEqual({ '131105': 3, '131121': 2 });
  });

  it('computes days to confirmation, hours, people, checks, follow-ups and out-of-hours activities', async () => {
    const r = await monthly('2025-06');
    // RF-1 confirmed after 2 days, RF-2 after 1: median 1.5, p90 1 + 0.9 × (2 − 1) = 1.9.
    expect(r.days_to_confirmation.median.value).toBe(1.5);
    expect(r.days_to_confirmation.p90.value).toBe(1.9);
    expect(r.volunteer_hours.value).toBe(5.5);
    const v = (k: string) => r.counts[k].value;
    expect([v('activities'), v('volunteers_active'), v('outside_service_rules')]).toEqual([2, 2, 1]);
    expect([v('new_volunteers'), v('id_checks_done'), v('id_checks_due')]).toEqual([1, 1, 1]);
    expect([v('follow_ups_opened'), v('follow_ups_handled')]).toEqual([1, 0]);
  });

  it('sums transport costs and fees owed, settled and outstanding at month end', async () => {
    const { amounts: a } = await monthly('2025-06');
    expect([a.transport_owed_yen.value, a.transport_settled_yen.value, a.transport_outstanding_yen.value]).toEqual([1220, 420, 800]);
    expect([a.transfer_fee_owed_yen.value, a.transfer_fee_settled_yen.value, a.transfer_fee_outstanding_yen.value]).toEqual([110, 0, 110]);
    expect([a.total_owed_yen.value, a.total_settled_yen.value, a.total_outstanding_yen.value]).toEqual([1330, 420, 910]);
  });

  it('puts the previous month beside each figure', async () => {
    const r = await monthly('2025-06');
    expect(r.previous_period.label).toBe('2025-05');
    expect(r.counts.received.previous).toBe(1);
    expect(r.counts.matched.previous).toBe(1);
    expect(r.breakdowns.channel.find((b: { key: string }) => b.key === 'email').previous).toBe(1);
    const july = await monthly('2025-07');
    expect(july.counts.received.value).toBe(1);
    expect(july.counts.follow_ups_handled.value).toBe(1);
    expect(july.amounts.transport_settled_yen.value).toBe(800);
    expect(july.counts.received.previous).toBe(5);
  });

  it('computes a fiscal year from April to March', async () => {
    await fixture();
    const res = await (await t.as('secretariat')).get('/api/reports/fiscal-year').query({ year: 2025 });
    expect(res.status).toBe(200);
    expect(res.body.period).toMatchObject({ start_date: '2025-04-01', end_date: '2026-04-01' });
    expect(res.body.counts.received.value).toBe(7);
    expect(res.body.counts.matched.value).toBe(3);
    expect(res.body.volunteer_hours.value).toBe(5.5);
    expect([
      res.body.amounts.total_owed_yen.value,
      res.body.amounts.total_settled_yen.value,
      res.body.amounts.total_outstanding_yen.value,
    ]).toEqual([1330, 1220, 110]);
    expect(res.body.counts.received.previous).toBe(0);
  });

  it('suppresses small counts for outsiders, including the cell that subtraction would reveal', async () => {
    const r = await monthly('2025-06', 'external');
    expect(r.counts.received.value).toBe(5);
    expect(r.counts.cancelled.value).toBe('<3');
    expect(values(r.breakdowns.channel)).toEqual({ phone: '<3', email: '<3', web_form: '<3', partner: '<3' });
    // vi = 2 is small; uk = 3 is not, but 5 − 3 would give vi away, so uk is hidden too.
    expect(values(r.breakdowns.language)).toEqual({ uk: '*', vi: '<3' });
    expect([r.counts.new_residents.value, r.counts.returning_residents.value]).toEqual(['<3', '<3']);
    expect(r.rates.match_rate.value).toBe('*');
    // Times and hours resting on a suppressed count would describe those few people.
    const internal = await monthly('2025-06', 'internal');
    expect(typeof internal.days_to_confirmation.median.value).toBe('number');
    expect(typeof internal.volunteer_hours.value).toBe('number');
    expect(r.counts.matched.value).toBe('<3');
    expect([r.days_to_confirmation.median.value, r.days_to_confirmation.p90.value]).toEqual(['*', '*']);
    expect(r.counts.activities.value).toBe('<3');
    expect(r.volunteer_hours.value).toBe('*');
  });

  it('refuses bad periods and roles without access', async () => {
    const agent = await t.as('secretariat');
    for (const month of ['2025-13', '2025-6', 'June']) expect((await agent.get('/api/reports/monthly').query({ month })).status).toBe(400);
    expect((await agent.get('/api/reports/monthly')).status).toBe(400);
    expect((await agent.get('/api/reports/fiscal-year').query({ year: 'x' })).status).toBe(400);
    expect((await (await t.as('volunteer_staff')).get('/api/reports/monthly').query({ month: '2025-06' })).status).toBe(403);
  });
});
