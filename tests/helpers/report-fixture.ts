import type { Knex } from 'knex';

/**
 * A small, fixed history whose monthly figures for June 2025 (and May, and FY2025) are worked
 * out by hand in tests/reports.test.ts. All times are explicit, in Japan time.
 */
export async function loadReportFixture(knex: Knex) {
  const [staff] = await knex('staff')
    .insert({ email: `fixture-${Date.now()}@test.example`, display_name: 'Fixture', role: 'coordinator', password_hash: 'x' })
    .returning('id');
  const client = async (no: string, nationality: string, languages: string[]) =>
    (
      await knex('clients')
        .insert({
          client_no: no,
          name: no,
          nationality,
          languages,
          eligibility: 'ofp_member',
          ofp_member_no: no,
          created_at: '2025-01-01T00:00:00+09:00',
        })
        .returning('id')
    )[0].id as number;
  const A = await client('RF-A', 'UA', ['uk']);
  const B = await client('RF-B', 'VN', ['vi']);
  const C = await client('RF-C', 'UA', ['uk']);
  const volunteer = async (no: string, created: string, until: string) =>
    (
      await knex('volunteers')
        .insert({ volunteer_no: no, name: no, languages: ['ja'], created_at: created, id_check_valid_until: until })
        .returning('id')
    )[0].id as number;
  const V1 = await volunteer('RF-V1', '2025-06-03T10:00:00+09:00', '2028-06-10');
  const V2 = await volunteer('RF-V2', '2025-04-01T10:00:00+09:00', '2025-06-20');
  await knex('id_checks').insert({
    volunteer_id: V1,
    checked_on: '2025-06-10',
    method: 'in_person',
    document_type: 'passport',
    result: 'passed',
    valid_until: '2028-06-10',
    checked_by: staff.id,
  });

  const request = async (no: string, r: Record<string, unknown>) =>
    (
      await knex('support_requests')
        .insert({ request_no: no, coordinator_id: staff.id, ...r })
        .returning('id')
    )[0].id as number;
  const base = { mode: 'in_person', municipality_code: '131105', category: 'medical', task_type: 'hospital' };
  const r1 = await request('RF-1', {
    ...base,
    client_id: A,
    channel: 'phone',
    language: 'uk',
    received_at: '2025-06-02T10:00:00+09:00',
    status: 'closed',
  });
  const r2 = await request('RF-2', {
    client_id: B,
    channel: 'email',
    category: 'education',
    task_type: 'school_meeting',
    mode: 'online',
    language: 'vi',
    municipality_code: '131121',
    received_at: '2025-06-10T09:00:00+09:00',
    status: 'done',
  });
  await request('RF-3', {
    ...base,
    client_id: C,
    channel: 'phone',
    category: 'lifeline',
    task_type: 'utilities_setup',
    language: 'uk',
    received_at: '2025-06-30T23:30:00+09:00',
    status: 'cancelled',
    status_reason: '本人都合',
  });
  await request('RF-4', {
    ...base,
    client_id: A,
    channel: 'web_form',
    category: 'welfare',
    task_type: 'ward_office',
    language: 'uk',
    received_at: '2025-06-01T00:30:00+09:00',
    status: 'unmatched',
    status_reason: '該当者なし',
  });
  await request('RF-5', {
    ...base,
    client_id: B,
    channel: 'partner',
    language: 'vi',
    municipality_code: '131121',
    received_at: '2025-06-15T11:00:00+09:00',
    status: 'rejected',
    status_reason: '対象外',
  });
  await request('RF-out', {
    ...base,
    client_id: C,
    channel: 'phone',
    language: 'uk',
    received_at: '2025-07-01T00:10:00+09:00',
    status: 'received',
  });
  const rMay = await request('RF-may', {
    ...base,
    client_id: C,
    channel: 'email',
    language: 'uk',
    received_at: '2025-05-20T10:00:00+09:00',
    status: 'closed',
  });

  await knex('request_events').insert([
    { request_id: r1, kind: 'status_change', from_status: 'matching', to_status: 'confirmed', at: '2025-06-04T10:00:00+09:00' },
    { request_id: r2, kind: 'status_change', from_status: 'matching', to_status: 'confirmed', at: '2025-06-11T09:00:00+09:00' },
    { request_id: rMay, kind: 'status_change', from_status: 'matching', to_status: 'confirmed', at: '2025-05-22T10:00:00+09:00' },
  ]);
  const assign = async (request_id: number, volunteer_id: number, start_at: string, end_at: string) =>
    (await knex('assignments').insert({ request_id, volunteer_id, status: 'confirmed', start_at, end_at }).returning('id'))[0].id as number;
  const a1 = await assign(r1, V1, '2025-06-05T10:00:00+09:00', '2025-06-05T12:00:00+09:00');
  const a2 = await assign(r2, V2, '2025-06-12T13:00:00+09:00', '2025-06-12T16:00:00+09:00');
  await knex('activity_reports').insert([
    {
      request_id: r1,
      assignment_id: a1,
      actual_start_at: '2025-06-05T10:00:00+09:00',
      actual_end_at: '2025-06-05T12:00:00+09:00',
      outcome: 'resolved',
      created_at: '2025-06-05T13:00:00+09:00',
    },
    {
      request_id: r2,
      assignment_id: a2,
      actual_start_at: '2025-06-12T13:00:00+09:00',
      actual_end_at: '2025-06-12T16:30:00+09:00',
      outcome: 'partly_resolved',
      outside_service_rules: true,
      follow_up_needed: true,
      follow_up_note: '再面談',
      created_at: '2025-06-12T17:00:00+09:00',
      follow_up_handled_at: '2025-07-02T10:00:00+09:00',
    },
  ]);
  await knex('expenses').insert([
    {
      request_id: r1,
      volunteer_id: V1,
      kind: 'transport',
      amount_yen: 420,
      created_at: '2025-06-05T13:00:00+09:00',
      settled_on: '2025-06-06',
      settlement_method: 'cash',
    },
    { request_id: r1, volunteer_id: V1, kind: 'transfer_fee', amount_yen: 110, created_at: '2025-06-05T13:00:00+09:00' },
    {
      request_id: r2,
      volunteer_id: V2,
      kind: 'transport',
      amount_yen: 800,
      created_at: '2025-06-12T17:00:00+09:00',
      settled_on: '2025-07-03',
      settlement_method: 'bank_transfer',
    },
  ]);
}
