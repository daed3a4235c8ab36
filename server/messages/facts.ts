import type { Knex } from 'knex';
import type { ConfirmedFacts } from './texts.js';

export type AssignmentFacts = ConfirmedFacts & {
  assignment_id: number;
  request_id: number;
  volunteer_id: number;
  volunteer_email: string | null;
  volunteer_contact_stopped_at: Date | null;
  client_id: number | null;
  client_name: string | null;
  client_email: string | null;
  client_language: string | null;
  status: string;
  request_status: string;
  coordinator_email: string | null;
};

/** Everything the messages about one assignment may use, read inside the caller's transaction. */
export async function assignmentFacts(trx: Knex | Knex.Transaction, assignmentId: number): Promise<AssignmentFacts | undefined> {
  const row = await trx('assignments as a')
    .join('support_requests as r', 'r.id', 'a.request_id')
    .join('volunteers as v', 'v.id', 'a.volunteer_id')
    .leftJoin('clients as c', 'c.id', 'r.client_id')
    .leftJoin('staff as s', 's.id', 'r.coordinator_id')
    .leftJoin('municipalities as m', 'm.code', 'r.municipality_code')
    .where('a.id', assignmentId)
    .first(
      'a.id as assignment_id',
      'a.request_id',
      'a.volunteer_id',
      'a.status',
      trx.raw('coalesce(a.start_at, r.start_at) as start_at'),
      trx.raw('coalesce(a.end_at, r.end_at) as end_at'),
      'r.request_no',
      'r.status as request_status',
      'r.mode',
      'r.place',
      'r.task_type',
      'r.language',
      'r.client_id',
      'v.name as volunteer_name',
      'v.email as volunteer_email',
      'v.contact_stopped_at as volunteer_contact_stopped_at',
      'c.name as client_name',
      // A resident who asked us to stop contacting them gets no message (the stop-use flag).
      trx.raw('case when c.contact_stopped_at is null then c.email end as client_email'),
      'c.languages as client_languages',
      's.display_name as coordinator_name',
      's.email as coordinator_email',
      'm.name_ja as ward',
    );
  if (!row) return undefined;
  const languages: string[] = row.client_languages ?? [];
  return {
    ...row,
    start_at: row.start_at ? new Date(row.start_at) : null,
    end_at: row.end_at ? new Date(row.end_at) : null,
    client_language: row.language ?? languages[0] ?? null,
    resident_first_name: row.client_name ? String(row.client_name).split(/[\s　]+/)[0] : null,
  };
}
