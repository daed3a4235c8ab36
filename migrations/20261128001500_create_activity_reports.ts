import type { Knex } from 'knex';
import { checkIn, editableColumns } from './_columns.js';

// The values as they were when this migration was written: a migration must create the same
// schema on a fresh database however the live enumerations grow later.
const OUTCOMES = ['resolved', 'partly_resolved', 'not_resolved'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('activity_reports', (t) => {
    editableColumns(t, knex);
    t.integer('request_id').notNullable().unique().references('support_requests.id');
    t.integer('assignment_id').notNullable().references('assignments.id');
    t.timestamp('actual_start_at', { useTz: true }).notNullable();
    t.timestamp('actual_end_at', { useTz: true }).notNullable();
    t.text('outcome').notNullable();
    t.text('summary').nullable();
    t.boolean('follow_up_needed').notNullable().defaultTo(false);
    t.text('follow_up_note').nullable();
    t.integer('follow_up_owner_id').nullable().references('staff.id');
    t.timestamp('follow_up_handled_at', { useTz: true }).nullable();
    t.integer('follow_up_handled_by').nullable().references('staff.id');
    // Recorded as it happened even when past 3 h or outside hours; flagged for the secretariat.
    t.boolean('outside_service_rules').notNullable().defaultTo(false);
    t.index(['assignment_id']);
    t.index(['actual_start_at']);
  });
  await knex.raw(checkIn('activity_reports', 'outcome', OUTCOMES));
  await knex.raw(`alter table activity_reports add constraint activity_reports_time_check check (actual_end_at > actual_start_at)`);
  await knex.raw(
    `create index activity_reports_open_follow_ups on activity_reports (updated_at) where follow_up_needed and follow_up_handled_at is null`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('activity_reports');
}
