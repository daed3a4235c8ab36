import type { Knex } from 'knex';
import { createClient, createPartner, createRequest, createStaff, createVolunteer } from './factories.js';

/** A done request with its confirmed volunteer and an activity report (follow-up open unless said). */
export async function createActivityReportFixture(knex: Knex, overrides: { follow_up_needed?: boolean } = {}) {
  const request = await createRequest(knex, { status: 'done' });
  const volunteer = await createVolunteer(knex);
  const [assignment] = await knex('assignments')
    .insert({
      request_id: request.id,
      volunteer_id: volunteer.id,
      status: 'confirmed',
      start_at: '2026-03-02T10:00:00+09:00',
      end_at: '2026-03-02T12:00:00+09:00',
    })
    .returning('id');
  const followUp = overrides.follow_up_needed ?? true;
  const [report] = await knex('activity_reports')
    .insert({
      request_id: request.id,
      assignment_id: assignment.id,
      actual_start_at: '2026-03-02T10:00:00+09:00',
      actual_end_at: '2026-03-02T11:30:00+09:00',
      outcome: 'resolved',
      summary: '区役所で手続き',
      follow_up_needed: followUp,
      follow_up_note: followUp ? '結果を確認する' : null,
    })
    .returning('*');
  return { ...(report as { id: number; version: number }), request, volunteer, assignmentId: assignment.id as number };
}

/**
 * One record of every kind, in states that let each route get past "not found" and reach its
 * own rules: a request in every early status, a confirmed assignment with a report, an expense,
 * an ID check, a timeline entry, a partner and a second staff member.
 */
export async function populate(knex: Knex) {
  const staff = await createStaff(knex, { role: 'coordinator' });
  const partner = await createPartner(knex, { name: '既存の団体' });
  const client = await createClient(knex, {
    name: '山田 花子',
    name_kana: 'ヤマダ ハナコ',
    phone: '090-1234-5678',
    email: 'hanako@test.example',
  });
  const received = await createRequest(knex, { client_id: client.id, status: 'received' });
  const matching = await createRequest(knex, { client_id: client.id, status: 'matching' });
  const report = await createActivityReportFixture(knex);
  const volunteer = await createVolunteer(knex);
  const [proposed] = await knex('assignments')
    .insert({ request_id: matching.id, volunteer_id: volunteer.id, status: 'proposed' })
    .returning('id');
  const [expense] = await knex('expenses')
    .insert({ request_id: report.request.id, volunteer_id: report.volunteer.id, kind: 'transport', amount_yen: 420 })
    .returning('id');
  const [idCheck] = await knex('id_checks')
    .insert({
      volunteer_id: volunteer.id,
      checked_on: '2026-01-10',
      method: 'in_person',
      document_type: 'drivers_license',
      result: 'passed',
      valid_until: '2027-01-10',
      checked_by: staff.id,
    })
    .returning('id');
  const [event] = await knex('request_events').insert({ request_id: received.id, kind: 'note', body: '電話あり' }).returning('id');
  return {
    partner: partner.id,
    client: client.id,
    requests: [received.id, matching.id, report.request.id],
    volunteers: [volunteer.id, report.volunteer.id],
    assignments: [proposed.id as number, report.assignmentId],
    report: report.id,
    expense: expense.id as number,
    idCheck: idCheck.id as number,
    event: event.id as number,
    staff: staff.id,
  };
}
