import type { Knex } from 'knex';
import { checkIn } from './_columns.js';

// The values as they were when this migration was written: a migration must create the same
// schema on a fresh database however the live enumerations grow later.
const EVENT_PARTIES = ['resident', 'volunteer', 'partner', 'other'];
const REQUEST_EVENT_KINDS = ['status_change', 'call', 'email', 'note', 'assignment_change', 'report', 'expense', 'follow_up'];
const REQUEST_STATUSES = ['received', 'checking', 'matching', 'confirmed', 'done', 'closed', 'cancelled', 'unmatched', 'rejected'];

/** A request's timeline: automatic status changes and the contact log, append-only. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('request_events', (t) => {
    t.increments('id').primary();
    t.integer('request_id').notNullable().references('support_requests.id').onDelete('CASCADE');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('staff_id').nullable().references('staff.id');
    t.text('kind').notNullable();
    t.text('party').nullable();
    t.text('from_status').nullable();
    t.text('to_status').nullable();
    t.integer('assignment_id').nullable();
    t.text('body').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['request_id', 'at']);
  });
  await knex.raw(checkIn('request_events', 'kind', REQUEST_EVENT_KINDS));
  await knex.raw(checkIn('request_events', 'party', EVENT_PARTIES, true));
  await knex.raw(checkIn('request_events', 'from_status', REQUEST_STATUSES, true));
  await knex.raw(checkIn('request_events', 'to_status', REQUEST_STATUSES, true));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('request_events');
}
