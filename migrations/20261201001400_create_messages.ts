import type { Knex } from 'knex';
import { checkIn } from './_columns.js';

// The values as they were when this migration was written.
const MESSAGE_KINDS = [
  'offer',
  'confirmation',
  'resident_confirmation',
  'reminder',
  'resident_reminder',
  'cancellation',
  'resident_cancellation',
  'report_request',
  'feedback_request',
];
const MESSAGE_STATUSES = ['queued', 'sent', 'failed', 'held', 'cancelled'];
const LINK_PURPOSES = ['offer', 'report', 'feedback'];
const LINK_ANSWERS = ['accept', 'decline'];

/**
 * The outbox: every message the service sends (or holds, without SMTP) is a row written in the
 * transaction of the change that causes it; the job queue (pg-boss, its own schema) delivers it.
 * Volunteer links: personal, single-purpose links (only a hash of the token is kept).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('messages', (t) => {
    t.increments('id').primary();
    t.text('kind').notNullable();
    t.integer('volunteer_id').nullable().references('volunteers.id');
    t.integer('client_id').nullable().references('clients.id');
    t.integer('request_id').nullable().references('support_requests.id');
    t.integer('assignment_id').nullable().references('assignments.id');
    t.text('address').nullable();
    t.text('language').notNullable().defaultTo('ja');
    t.text('subject').notNullable();
    t.text('body').notNullable();
    // An .ics attachment, kept with the message so a retry sends the same thing.
    t.text('calendar').nullable();
    t.text('status').notNullable().defaultTo('queued');
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error').nullable();
    // Stable Message-ID: a retried delivery carries the same one.
    t.text('message_id').notNullable().unique();
    // Not before this instant (reminders); null = at once.
    t.timestamp('send_after', { useTz: true }).nullable();
    // The queue's job, once one was created (the dispatcher fills it).
    t.text('job_id').nullable();
    t.timestamp('sent_at', { useTz: true }).nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['request_id']);
    t.index(['status', 'created_at']);
  });
  await knex.raw(checkIn('messages', 'kind', MESSAGE_KINDS));
  await knex.raw(checkIn('messages', 'status', MESSAGE_STATUSES));
  await knex.raw(`create index messages_undispatched on messages (id) where status = 'queued' and job_id is null`);

  await knex.schema.createTable('volunteer_links', (t) => {
    t.increments('id').primary();
    // sha256 of the 256-bit token (hex); the token itself is only in the message.
    t.text('token_hash').notNullable().unique();
    t.text('purpose').notNullable();
    t.integer('assignment_id').nullable().references('assignments.id');
    t.integer('request_id').notNullable().references('support_requests.id');
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true }).nullable();
    t.timestamp('revoked_at', { useTz: true }).nullable();
    t.text('answer').nullable();
    t.text('comment').nullable();
    // The coordinator has seen the answer (the dashboard's badge goes out).
    t.timestamp('seen_at', { useTz: true }).nullable();
    // Who sent it: the answer is recorded on their behalf when the request has no coordinator.
    t.integer('created_by').nullable().references('staff.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['assignment_id']);
    t.index(['request_id']);
  });
  await knex.raw(checkIn('volunteer_links', 'purpose', LINK_PURPOSES));
  await knex.raw(checkIn('volunteer_links', 'answer', LINK_ANSWERS, true));

  await knex.schema.alterTable('settings', (t) => {
    // Hour (Japan time) of the day before an activity when reminders go out.
    t.integer('reminder_hour').notNullable().defaultTo(18);
  });
  await knex.raw('alter table settings add constraint settings_reminder_hour_check check (reminder_hour between 0 and 23)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table settings drop constraint settings_reminder_hour_check');
  await knex.schema.alterTable('settings', (t) => t.dropColumn('reminder_hour'));
  await knex.schema.dropTable('volunteer_links');
  await knex.schema.dropTable('messages');
  await knex.raw('drop schema if exists pgboss cascade');
}
