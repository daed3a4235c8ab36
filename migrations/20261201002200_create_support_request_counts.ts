import type { Knex } from 'knex';

/**
 * How many requests each status and coordinator holds, kept by the database itself: the
 * request list's totals, the status tabs, the menu badges and the home screens read these few
 * rows instead of counting a million requests. Statement-level triggers read the statement's
 * transition tables, so a bulk insert or update adds one grouped change per (status,
 * coordinator), not one per row. Changes are added with `on conflict … do update`, so several
 * server processes writing at once each add their own difference; the rows are taken in
 * (status, coordinator) order so two such statements never wait on each other in a circle.
 * A request without a coordinator counts under a NULL coordinator (one row per status). `n` has
 * no CHECK (n >= 0): an insert's proposed row (a decrease, -1) is checked before its conflict
 * turns it into an update.
 */
const APPLY = `
  insert into support_request_counts (status, coordinator_id, n)
  select status, coordinator_id, sum(d) from (%s) changes
   group by status, coordinator_id having sum(d) <> 0
   order by status, coordinator_id nulls first
  on conflict (status, coordinator_id) do update set n = support_request_counts.n + excluded.n`;

const NEW_ROWS = 'select status, coordinator_id, 1 as d from new_rows';
const OLD_ROWS = 'select status, coordinator_id, -1 as d from old_rows';

const fn = (name: string, body: string) => `
  create function ${name}() returns trigger language plpgsql as $$
  begin
    ${body};
    return null;
  end $$`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table support_request_counts (
      status text not null,
      coordinator_id integer,
      n bigint not null default 0,
      constraint support_request_counts_key unique nulls not distinct (status, coordinator_id)
    )`);
  await knex.raw(fn('support_request_counts_inserted', APPLY.replace('%s', NEW_ROWS)));
  await knex.raw(fn('support_request_counts_updated', APPLY.replace('%s', `${NEW_ROWS} union all ${OLD_ROWS}`)));
  await knex.raw(fn('support_request_counts_deleted', APPLY.replace('%s', OLD_ROWS)));
  await knex.raw(fn('support_request_counts_truncated', 'delete from support_request_counts'));
  await knex.raw(`create trigger support_request_counts_insert after insert on support_requests
    referencing new table as new_rows for each statement execute function support_request_counts_inserted()`);
  await knex.raw(`create trigger support_request_counts_update after update on support_requests
    referencing old table as old_rows new table as new_rows for each statement execute function support_request_counts_updated()`);
  await knex.raw(`create trigger support_request_counts_delete after delete on support_requests
    referencing old table as old_rows for each statement execute function support_request_counts_deleted()`);
  await knex.raw(`create trigger support_request_counts_truncate after truncate on support_requests
    for each statement execute function support_request_counts_truncated()`);
  // The requests already there, counted once.
  await knex.raw(`
    insert into support_request_counts (status, coordinator_id, n)
    select status, coordinator_id, count(*) from support_requests group by status, coordinator_id`);
}

export async function down(knex: Knex): Promise<void> {
  for (const t of ['insert', 'update', 'delete', 'truncate']) {
    await knex.raw(`drop trigger if exists support_request_counts_${t} on support_requests`);
  }
  for (const f of ['inserted', 'updated', 'deleted', 'truncated']) {
    await knex.raw(`drop function if exists support_request_counts_${f}()`);
  }
  await knex.raw('drop table if exists support_request_counts');
}
