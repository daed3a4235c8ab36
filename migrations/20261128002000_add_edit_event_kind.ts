import type { Knex } from 'knex';

/** Timeline entries for edits of a request's details (client linked, time set, coordinator). */
const BEFORE = ['status_change', 'call', 'email', 'note', 'assignment_change', 'report', 'expense', 'follow_up'];
const AFTER = [...BEFORE, 'edit'];
const check = (kinds: string[]) =>
  `alter table request_events add constraint request_events_kind_check check (kind in (${kinds.map((k) => `'${k}'`).join(', ')}))`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table request_events drop constraint request_events_kind_check');
  await knex.raw(check(AFTER));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table request_events drop constraint request_events_kind_check');
  // The entries stay on the timeline, as notes.
  await knex('request_events').where('kind', 'edit').update({ kind: 'note' });
  await knex.raw(check(BEFORE));
}
