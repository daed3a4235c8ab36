import type { Knex } from 'knex';
import { TERMINAL } from '../domain/workflow.js';
import { readSettings } from '../settings/repository.js';

export type DueRow = { id: number; number: string; last_activity_at: Date; due_on: string };
export type DueList = {
  as_of: string;
  years: { requests: number; clients: number; volunteers: number; audit_log: number };
  requests: DueRow[];
  clients: DueRow[];
  volunteers: DueRow[];
  /** Audit entries older than the audit log's retention: how many, and the first day kept. */
  audit_log: { count: number; before: string };
};

/** At most this many of each kind per listing; the next listing shows the rest. */
export const DUE_LIMIT = 500;

// The Japan-time date of the last activity plus the retention years: the first day it is due.
const dueOn = (last: string) => `cast(cast(timezone('Asia/Tokyo', ${last}) as date) + make_interval(years => :years) as date)`;

const terminal = TERMINAL.map((s) => `'${s}'`).join(', ');

const rows = (result: { rows: Record<string, unknown>[] }): DueRow[] =>
  result.rows.map((r) => ({
    id: Number(r.id),
    number: String(r.number),
    last_activity_at: r.last_activity_at instanceof Date ? r.last_activity_at : new Date(String(r.last_activity_at)),
    due_on: String(r.due_on),
  }));

/**
 * What has passed its retention date on `asOf` (a Japan-time calendar date): finished requests,
 * residents with no unfinished request, and retired volunteers, each a number of years after
 * their last activity (the settings), none already anonymised. Written as one function of the
 * date so that a daily job can call it as well as GET /api/retention/due.
 */
export async function listDue(db: Knex | Knex.Transaction, asOf: string): Promise<DueList> {
  const s = await readSettings(db);
  const years = {
    requests: s.retention_request_years,
    clients: s.retention_client_years,
    volunteers: s.retention_volunteer_years,
    audit_log: s.audit_retention_years,
  };
  const requestLast = `greatest(r.updated_at, (select max(e.at) from request_events e where e.request_id = r.id))`;
  const requests = await db.raw(
    `select r.id, r.request_no as number, x.last as last_activity_at, cast(${dueOn('x.last')} as text) as due_on
       from support_requests r
       left join clients c on c.id = r.client_id
       cross join lateral (select ${requestLast} as last) x
      where r.anonymised_at is null and c.anonymised_at is null and r.status in (${terminal})
        and ${dueOn('x.last')} <= cast(:as_of as date)
      order by x.last, r.id limit ${DUE_LIMIT}`,
    { years: years.requests, as_of: asOf },
  );
  const clientLast = `greatest(c.updated_at,
      (select max(r.updated_at) from support_requests r where r.client_id = c.id),
      (select max(e.at) from request_events e join support_requests r on r.id = e.request_id where r.client_id = c.id))`;
  const clients = await db.raw(
    `select c.id, c.client_no as number, x.last as last_activity_at, cast(${dueOn('x.last')} as text) as due_on
       from clients c
       cross join lateral (select ${clientLast} as last) x
      where c.anonymised_at is null
        and not exists (select 1 from support_requests r where r.client_id = c.id and r.status not in (${terminal}))
        and ${dueOn('x.last')} <= cast(:as_of as date)
      order by x.last, c.id limit ${DUE_LIMIT}`,
    { years: years.clients, as_of: asOf },
  );
  const volunteerLast = `greatest(v.updated_at, (select max(greatest(a.updated_at, a.end_at)) from assignments a where a.volunteer_id = v.id))`;
  const volunteers = await db.raw(
    `select v.id, v.volunteer_no as number, x.last as last_activity_at, cast(${dueOn('x.last')} as text) as due_on
       from volunteers v
       cross join lateral (select ${volunteerLast} as last) x
      where v.anonymised_at is null and v.status = 'retired'
        and ${dueOn('x.last')} <= cast(:as_of as date)
      order by x.last, v.id limit ${DUE_LIMIT}`,
    { years: years.volunteers, as_of: asOf },
  );
  const audit = await db.raw(
    `select count(*) as n, cast(cast(cast(:as_of as date) - make_interval(years => :years) as date) as text) as before
       from audit_log where timezone('Asia/Tokyo', at) < cast(:as_of as date) - make_interval(years => :years)`,
    { years: years.audit_log, as_of: asOf },
  );
  const a = audit.rows[0];
  return {
    as_of: asOf,
    years,
    requests: rows(requests),
    clients: rows(clients),
    volunteers: rows(volunteers),
    audit_log: { count: Number(a.n), before: String(a.before) },
  };
}
