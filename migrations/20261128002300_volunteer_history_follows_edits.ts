import type { Knex } from 'knex';
import { createDoneTriggers, fillVolunteerHistory } from './20261128002100_create_volunteer_history.js';

/**
 * volunteer_history followed only the moment a request reached done. It now also follows what
 * can change afterwards: a done request's task or resident corrected, a request leaving done,
 * a confirmed assignment withdrawn or deleted. Every change is a −1 on the old key and a +1 on
 * the new one, and the table is rebuilt once from the records to drop any drift.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('drop trigger assignments_done_history on assignments');
  await knex.raw('drop trigger support_requests_done_history on support_requests');
  await knex.raw('drop function assignment_done_history()');
  await knex.raw('drop function request_done_history()');
  await knex.raw('drop function count_done_activity(integer, integer)');
  await knex.raw(`
    create function adjust_volunteer_history(p_volunteer_id integer, p_task_type text, p_client_id integer, p_delta integer)
    returns void language sql as $$
      insert into volunteer_history (volunteer_id, task_type, client_id, done_count)
      values (p_volunteer_id, p_task_type, p_client_id, p_delta)
      on conflict (volunteer_id, task_type, client_id) do update set done_count = volunteer_history.done_count + excluded.done_count;
      delete from volunteer_history
       where volunteer_id = p_volunteer_id and task_type = p_task_type and client_id = p_client_id and done_count <= 0;
    $$`);
  await knex.raw(`
    create function request_history_changed() returns trigger language plpgsql as $$
    declare
      was_done boolean := old.status in ('done', 'closed');
      is_done boolean := new.status in ('done', 'closed');
    begin
      if was_done = is_done and (not is_done or (old.task_type = new.task_type and old.client_id is not distinct from new.client_id)) then
        return null;
      end if;
      if was_done then
        perform adjust_volunteer_history(a.volunteer_id, old.task_type, coalesce(old.client_id, 0), -1)
           from assignments a where a.request_id = old.id and a.status = 'confirmed';
      end if;
      if is_done then
        perform adjust_volunteer_history(a.volunteer_id, new.task_type, coalesce(new.client_id, 0), 1)
           from assignments a where a.request_id = new.id and a.status = 'confirmed';
      end if;
      return null;
    end $$`);
  await knex.raw(`
    create function assignment_history_changed() returns trigger language plpgsql as $$
    declare
      r record;
    begin
      if tg_op = 'UPDATE' and old.status = new.status and old.volunteer_id = new.volunteer_id and old.request_id = new.request_id then
        return null;
      end if;
      if tg_op in ('UPDATE', 'DELETE') and old.status = 'confirmed' then
        select task_type, coalesce(client_id, 0) as client_id into r
          from support_requests where id = old.request_id and status in ('done', 'closed');
        if found then perform adjust_volunteer_history(old.volunteer_id, r.task_type, r.client_id, -1); end if;
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.status = 'confirmed' then
        select task_type, coalesce(client_id, 0) as client_id into r
          from support_requests where id = new.request_id and status in ('done', 'closed');
        if found then perform adjust_volunteer_history(new.volunteer_id, r.task_type, r.client_id, 1); end if;
      end if;
      return null;
    end $$`);
  await knex.raw(`create trigger support_requests_history after update of status, task_type, client_id on support_requests
                  for each row execute function request_history_changed()`);
  await knex.raw(`create trigger assignments_history after insert or update of status, volunteer_id, request_id or delete on assignments
                  for each row execute function assignment_history_changed()`);
  // Closing a done request used to cancel its confirmed assignment (fixed in status.ts): the
  // assignment its activity report names is confirmed again.
  await knex.raw(`
    update assignments a set status = 'confirmed', version = a.version + 1, updated_at = now()
      from activity_reports ar join support_requests r on r.id = ar.request_id
     where a.id = ar.assignment_id and a.status = 'cancelled' and r.status = 'closed'`);
  await knex.raw('delete from volunteer_history');
  await fillVolunteerHistory(knex);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger assignments_history on assignments');
  await knex.raw('drop trigger support_requests_history on support_requests');
  await knex.raw('drop function assignment_history_changed()');
  await knex.raw('drop function request_history_changed()');
  await knex.raw('drop function adjust_volunteer_history(integer, text, integer, integer)');
  await createDoneTriggers(knex);
}
