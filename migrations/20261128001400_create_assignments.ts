import type { Knex } from 'knex';
import { checkIn, editableColumns } from './_columns.js';

// The values as they were when this migration was written: a migration must create the same
// schema on a fresh database however the live enumerations grow later.
const ASSIGNMENT_STATUSES = ['proposed', 'contacted', 'accepted', 'declined', 'confirmed', 'cancelled'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('assignments', (t) => {
    editableColumns(t, knex);
    t.integer('request_id').notNullable().references('support_requests.id');
    t.integer('volunteer_id').notNullable().references('volunteers.id');
    t.text('status').notNullable().defaultTo('proposed');
    t.timestamp('start_at', { useTz: true }).nullable();
    t.timestamp('end_at', { useTz: true }).nullable();
    t.text('note').nullable();
    t.timestamp('confirmed_at', { useTz: true }).nullable();
    t.index(['request_id']);
    t.index(['volunteer_id', 'start_at']);
  });
  await knex.raw(checkIn('assignments', 'status', ASSIGNMENT_STATUSES));
  await knex.raw(
    `alter table assignments add constraint assignments_time_check check (
       (start_at is null and end_at is null) or (start_at is not null and end_at is not null and end_at > start_at))`,
  );
  await knex.raw(
    `alter table assignments add constraint assignments_confirmed_time_check check (status <> 'confirmed' or start_at is not null)`,
  );
  // Never double-booked, enforced by the database itself: one confirmed assignment per request…
  await knex.raw(`create unique index assignments_one_confirmed_per_request on assignments (request_id) where status = 'confirmed'`);
  // …and no two confirmed assignments of one volunteer whose half-open time ranges overlap.
  await knex.raw(
    `alter table assignments add constraint assignments_no_double_booking exclude using gist (
       volunteer_id with =, tstzrange(start_at, end_at, '[)') with &&) where (status = 'confirmed')`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('assignments');
}
