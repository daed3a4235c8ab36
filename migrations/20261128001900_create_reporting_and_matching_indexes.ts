import type { Knex } from 'knex';

/**
 * Indexes the benchmarks showed the monthly report and the candidate search need at scale
 * (1M requests, 200k assignments): each turns a per-row look-up into an index-only scan.
 */
const INDEXES: [string, string][] = [
  ['request_events_confirmed_by_request', `request_events (request_id, at) where to_status = 'confirmed'`],
  ['support_requests_client_received', 'support_requests (client_id, received_at)'],
  ['support_requests_match_facts', 'support_requests (id) include (status, task_type, client_id)'],
  ['assignments_confirmed_by_volunteer', `assignments (volunteer_id, start_at) include (request_id, end_at) where status = 'confirmed'`],
  ['activity_reports_follow_ups_opened', 'activity_reports (created_at) where follow_up_needed'],
  ['activity_reports_follow_ups_handled', 'activity_reports (follow_up_handled_at)'],
];

export async function up(knex: Knex): Promise<void> {
  for (const [name, def] of INDEXES) await knex.raw(`create index ${name} on ${def}`);
}

export async function down(knex: Knex): Promise<void> {
  for (const [name] of INDEXES) await knex.raw(`drop index ${name}`);
}
