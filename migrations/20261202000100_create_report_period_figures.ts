import type { Knex } from 'knex';

/**
 * The report's figures kept per period (a month or a fiscal year), correct at every moment.
 *
 * report_period_figures holds what computeFigures returned and the snapshot it was computed in.
 * Every statement that writes a table the figures read adds one row to report_invalidations:
 * its transaction's id and the earliest Japan-time month any touched row (old or new version)
 * can change. A stored row is valid while every invalidation of a month before its end is
 * visible in its snapshot: a write that committed after the snapshot was taken (or was still
 * running then) makes it invalid, even when the row was stored after that write committed.
 *
 * report_figures_prune() drops invalid rows, moves valid rows' snapshots forward, and deletes
 * the invalidations every snapshot from then on sees; the horizon records where it cut, so a
 * row computed from an older snapshot and stored later is not trusted (report_figures_valid).
 */

const JST = (col: string) => `(${col} at time zone 'Asia/Tokyo')::date`;

/**
 * A Japan-time date of a row version (`a` is its alias) that places it in the figures, and the
 * columns whose change moves a figure there (an update that changes none of them does not count it).
 */
type Place = { at: (a: string) => string; when: string[] };

type Source = {
  table: string;
  /** The columns the figures read: an update that changes none of them changes no figure. */
  columns: string[];
  places: Place[];
  /** Further dates from other tables, for the changed rows (old and new versions) in `r`. */
  joined?: string;
  /** Only rows (either version) for which this holds can change a figure. */
  only?: (alias: string) => string;
};

const REQUEST_COLUMNS = ['received_at', 'client_id', 'status', 'channel', 'category', 'task_type', 'mode', 'language', 'municipality_code'];
const ACTIVITY_COLUMNS = ['actual_start_at', 'actual_end_at', 'outside_service_rules', 'assignment_id'];

const SOURCES: Source[] = [
  {
    table: 'support_requests',
    columns: REQUEST_COLUMNS,
    places: [{ at: (a) => JST(`${a}.received_at`), when: REQUEST_COLUMNS }],
    // A moved receipt changes the days to each of its confirmations (placed by the event's time).
    joined: `select ${JST('e.at')} from request_events e
              where e.request_id in (select id from r) and e.to_status = 'confirmed'`,
  },
  {
    table: 'request_events',
    columns: ['request_id', 'to_status', 'at'],
    places: [{ at: (a) => JST(`${a}.at`), when: ['request_id', 'to_status', 'at'] }],
    // Matched counts in the month its request was received.
    joined: `select ${JST('s.received_at')} from support_requests s where s.id in (select request_id from r)`,
    only: (a) => `${a}.to_status = 'confirmed'`,
  },
  {
    table: 'activity_reports',
    columns: [...ACTIVITY_COLUMNS, 'follow_up_needed', 'created_at', 'follow_up_handled_at'],
    places: [
      { at: (a) => JST(`${a}.actual_start_at`), when: ACTIVITY_COLUMNS },
      { at: (a) => JST(`${a}.created_at`), when: ['follow_up_needed', 'created_at'] },
      { at: (a) => JST(`${a}.follow_up_handled_at`), when: ['follow_up_handled_at'] },
    ],
  },
  {
    table: 'assignments',
    columns: ['volunteer_id'],
    places: [],
    // Active volunteers are counted through the activity reports of the assignment.
    joined: `select ${JST('ar.actual_start_at')} from activity_reports ar where ar.assignment_id in (select id from r)`,
  },
  {
    table: 'clients',
    columns: ['nationality'],
    places: [],
    joined: `select ${JST('s.received_at')} from support_requests s where s.client_id in (select id from r)`,
  },
  {
    table: 'volunteers',
    columns: ['created_at', 'status', 'id_check_valid_until'],
    places: [
      { at: (a) => JST(`${a}.created_at`), when: ['created_at'] },
      // Checks due in the month the identity check runs out (active volunteers).
      { at: (a) => `${a}.id_check_valid_until`, when: ['status', 'id_check_valid_until'] },
    ],
  },
  { table: 'id_checks', columns: ['checked_on'], places: [{ at: (a) => `${a}.checked_on`, when: ['checked_on'] }] },
  {
    table: 'resident_feedback',
    columns: ['created_at', 'rating'],
    places: [{ at: (a) => JST(`${a}.created_at`), when: ['created_at', 'rating'] }],
  },
  // Owed when recorded, settled when settled, and outstanding at the end of every period in between.
  {
    table: 'expenses',
    columns: ['created_at', 'settled_on', 'amount_yen', 'kind'],
    places: [
      { at: (a) => JST(`${a}.created_at`), when: ['created_at', 'amount_yen', 'kind'] },
      { at: (a) => `${a}.settled_on`, when: ['settled_on', 'amount_yen', 'kind'] },
    ],
  },
];

const list = (a: string, columns: string[]) => `(${columns.map((c) => `${a}.${c}`).join(', ')})`;

/** One insert: the earliest month among `dates` (selects of dates, over `r`: the rows concerned). */
function logInsert(s: Source, rows: string, dates: string | null): string {
  const parts = [dates, s.joined].filter(Boolean).join(' union all ');
  return `
      with r as (${rows})
      insert into report_invalidations (from_month)
      select date_trunc('month', min(d)::timestamp)::date from (${parts}) x(d)
      having min(d) is not null`;
}

function triggerFunction(s: Source): string {
  const only = (a: string) => (s.only ? ` where ${s.only(a)}` : '');
  const all = (a: string) => (s.places.length ? `select unnest(array[${s.places.map((p) => p.at(a)).join(', ')}]) from ${a}` : null);
  // An update: each row's place, old and new, when a column it depends on changed.
  const moved = (p: Place) =>
    ['o', 'n'].map(
      (a) => `case when o.id is null or n.id is null or ${list('o', p.when)} is distinct from ${list('n', p.when)} then ${p.at(a)} end`,
    );
  const pairs = `old_rows o full join new_rows n on n.id = o.id`;
  const updated = s.places.length
    ? `select unnest(array[${s.places.flatMap(moved).join(', ')}]) from ${pairs}${s.only ? ` where ${s.only('o')} or ${s.only('n')}` : ''}`
    : null;
  // Both versions of each row an update changed in a column the figures read (for the joined dates).
  const changed = `
        select coalesce(o.id, n.id) from ${pairs}
         where (o.id is null or n.id is null or ${list('o', s.columns)} is distinct from ${list('n', s.columns)})
           ${s.only ? `and (${s.only('o')} or ${s.only('n')})` : ''}`;
  return `
    create function report_invalidate_${s.table}() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${logInsert(s, `select * from new_rows${only('new_rows')}`, all('r'))};
      elsif tg_op = 'DELETE' then ${logInsert(s, `select * from old_rows${only('old_rows')}`, all('r'))};
      else ${logInsert(s, `select * from old_rows where id in (${changed}) union all select * from new_rows where id in (${changed})`, updated)};
      end if;
      return null;
    end $$`;
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table report_period_figures (
      start_date date not null,
      end_date date not null,              -- exclusive: the next period's first day
      figures jsonb not null,              -- computeFigures(period)
      snapshot pg_snapshot not null,       -- of the transaction that computed them
      computed_at timestamptz not null default now(),
      primary key (start_date, end_date)
    )`);
  await knex.raw(`
    create table report_invalidations (
      xid xid8 not null default pg_current_xact_id(),
      from_month date not null,            -- every period ending after this may have changed
      at timestamptz not null default now()
    )`);
  // Invalidations below this transaction id were pruned: a snapshot older than it cannot be judged.
  await knex.raw(`
    create table report_invalidation_horizon (
      one boolean primary key default true check (one),
      below xid8 not null
    )`);
  await knex.raw(`insert into report_invalidation_horizon (below) values ('0')`);

  await knex.raw(`
    create function report_figures_valid(f report_period_figures) returns boolean language sql stable as $$
      select pg_snapshot_xmin(f.snapshot) >= (select below from report_invalidation_horizon)
         and not exists (select 1 from report_invalidations i
                          where i.from_month < f.end_date and not pg_visible_in_snapshot(i.xid, f.snapshot))
    $$`);

  for (const s of SOURCES) {
    await knex.raw(triggerFunction(s));
    const t = s.table;
    await knex.raw(`create trigger ${t}_report_invalidate_insert after insert on ${t}
      referencing new table as new_rows for each statement execute function report_invalidate_${t}()`);
    await knex.raw(`create trigger ${t}_report_invalidate_update after update on ${t}
      referencing old table as old_rows new table as new_rows for each statement execute function report_invalidate_${t}()`);
    await knex.raw(`create trigger ${t}_report_invalidate_delete after delete on ${t}
      referencing old table as old_rows for each statement execute function report_invalidate_${t}()`);
  }
  // A truncate, or the monthly counts counted again (report_month_counts_refill deletes them first), may change any period.
  await knex.raw(`
    create function report_invalidate_all() returns trigger language plpgsql as $$
    begin
      insert into report_invalidations (from_month) values ('-infinity');
      return null;
    end $$`);
  for (const t of [...SOURCES.map((s) => s.table), 'report_month_counts']) {
    await knex.raw(`create trigger ${t}_report_invalidate_truncate after truncate on ${t}
      for each statement execute function report_invalidate_all()`);
  }
  await knex.raw(`create trigger report_month_counts_report_invalidate_delete after delete on report_month_counts
    for each statement execute function report_invalidate_all()`);

  await knex.raw(`
    create function report_figures_prune() returns void language plpgsql as $$
    declare
      cut xid8;
    begin
      -- One at a time; another running prune does the same work.
      if not pg_try_advisory_xact_lock(hashtext('report_figures_prune')) then
        return;
      end if;
      delete from report_period_figures f where not report_figures_valid(f);
      -- Still valid as of now: nothing they count was written between their snapshot and this one.
      update report_period_figures f set snapshot = pg_current_snapshot() where report_figures_valid(f);
      select least(min(pg_snapshot_xmin(snapshot)), pg_snapshot_xmin(pg_current_snapshot())) into cut
        from report_period_figures;
      delete from report_invalidations where xid < cut;
      update report_invalidation_horizon set below = greatest(below, cut);
    end $$`);
}

export async function down(knex: Knex): Promise<void> {
  for (const t of [...SOURCES.map((s) => s.table), 'report_month_counts']) {
    for (const op of ['insert', 'update', 'delete', 'truncate'])
      await knex.raw(`drop trigger if exists ${t}_report_invalidate_${op} on ${t}`);
  }
  for (const s of SOURCES) await knex.raw(`drop function report_invalidate_${s.table}()`);
  await knex.raw('drop function report_invalidate_all()');
  await knex.raw('drop function report_figures_prune()');
  await knex.raw('drop function report_figures_valid(report_period_figures)');
  await knex.raw('drop table report_invalidation_horizon');
  await knex.raw('drop table report_invalidations');
  await knex.raw('drop table report_period_figures');
}
