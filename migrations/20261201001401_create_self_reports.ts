import type { Knex } from 'knex';
import { checkIn } from './_columns.js';

// The values as they were when this migration was written.
const OUTCOMES = ['resolved', 'partly_resolved', 'not_resolved'];

/**
 * A volunteer's report through their link: a draft until a coordinator reviews, corrects and
 * files it as the request's activity report (and transport expense).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('self_reports', (t) => {
    t.increments('id').primary();
    t.integer('link_id').notNullable().unique().references('volunteer_links.id');
    t.integer('request_id').notNullable().references('support_requests.id');
    t.integer('assignment_id').notNullable().references('assignments.id');
    t.integer('volunteer_id').notNullable().references('volunteers.id');
    t.timestamp('actual_start_at', { useTz: true }).notNullable();
    t.timestamp('actual_end_at', { useTz: true }).notNullable();
    t.text('outcome').notNullable();
    t.integer('transport_yen').notNullable().defaultTo(0);
    t.boolean('follow_up_needed').notNullable().defaultTo(false);
    t.text('note').nullable();
    t.timestamp('submitted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('filed_at', { useTz: true }).nullable();
    t.integer('filed_by').nullable().references('staff.id');
    t.integer('activity_report_id').nullable().references('activity_reports.id');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['request_id']);
  });
  await knex.raw(checkIn('self_reports', 'outcome', OUTCOMES));
  await knex.raw('alter table self_reports add constraint self_reports_time_check check (actual_end_at > actual_start_at)');
  await knex.raw('alter table self_reports add constraint self_reports_transport_check check (transport_yen >= 0)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('self_reports');
}
