import type { Knex } from 'knex';

/**
 * The monthly counts' trigger ran BEFORE DELETE on support_requests and returned NULL, which
 * tells PostgreSQL to skip the row: a request could not be deleted (silently), while its
 * counts were taken off. The trigger now lets the delete go on (returns OLD); counts and
 * records stay equal. The application never deletes requests, so no counts are recounted here
 * (a minute at 1,000,000 requests); after a delete tried by hand, report_month_counts_refill().
 */
const body = (onDelete: 'old' | 'null') => `
    create or replace function report_request_counts() returns trigger language plpgsql as $$
    declare
      o support_requests := case when tg_op <> 'INSERT' then old end;
      n support_requests := case when tg_op <> 'DELETE' then new end;
    begin
      if tg_op = 'UPDATE' and (o.received_at, o.client_id, o.channel, o.category, o.task_type, o.mode, o.language,
                               o.municipality_code, o.status)
            is not distinct from (n.received_at, n.client_id, n.channel, n.category, n.task_type, n.mode, n.language,
                               n.municipality_code, n.status) then
        return null;
      end if;
      insert into report_month_counts (month, dimension, key, n)
      select d.month, d.dimension, d.key, sum(d.delta)::integer
        from (select r.month, r.dimension, r.key, -1 as delta from report_request_rows(o) r
              union all select r.month, r.dimension, r.key, 1 from report_request_rows(n) r
              union all select * from report_first_request_rows(o, n)) d
       group by 1, 2, 3 having sum(d.delta) <> 0
       order by 1, 2, 3
      on conflict (month, dimension, key) do update set n = report_month_counts.n + excluded.n;
      -- Before a delete, OLD lets it happen; NULL would skip the row.
      return case when tg_op = 'DELETE' then ${onDelete} end;
    end $$`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(body('old'));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(body('null'));
}
