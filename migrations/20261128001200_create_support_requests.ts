import type { Knex } from 'knex';
import { checkIn, editableColumns } from './_columns.js';

// The values as they were when this migration was written: a migration must create the same
// schema on a fresh database however the live enumerations grow later.
const CATEGORIES = ['welfare', 'medical', 'education', 'lifeline', 'housing', 'administrative', 'other'];
const CHANNELS = ['phone', 'email', 'web_form', 'partner', 'walk_in'];
const MODES = ['in_person', 'online'];
const REQUEST_STATUSES = ['received', 'checking', 'matching', 'confirmed', 'done', 'closed', 'cancelled', 'unmatched', 'rejected'];
const TASK_TYPES = [
  'ward_office',
  'hospital',
  'child_health_checkup',
  'daycare_application',
  'school_meeting',
  'utilities_setup',
  'real_estate',
  'other',
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('support_requests', (t) => {
    editableColumns(t, knex);
    t.text('request_no').notNullable().unique();
    // Null for a web-form request until a coordinator links it to a client.
    t.integer('client_id').nullable().references('clients.id');
    t.text('channel').notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('category').notNullable();
    t.text('task_type').notNullable();
    t.text('mode').notNullable().defaultTo('in_person');
    t.text('language').nullable();
    t.text('municipality_code').nullable().references('municipalities.code');
    t.text('place').nullable();
    t.text('description').nullable();
    t.timestamp('start_at', { useTz: true }).nullable();
    t.timestamp('end_at', { useTz: true }).nullable();
    t.integer('coordinator_id').nullable().references('staff.id');
    t.text('status').notNullable().defaultTo('received');
    t.text('status_reason').nullable();
    // A follow-up turned into a new request points at the request it came from.
    t.integer('follow_up_of_id').nullable().references('support_requests.id');
    // What the public form sent (name, contact, preferred slots…) before the client is linked.
    t.jsonb('intake').nullable();
    t.text('search_text').notNullable().defaultTo('');
    t.index(['status', 'received_at']);
    t.index(['received_at']);
    t.index(['client_id']);
    t.index(['coordinator_id']);
    t.index(['municipality_code']);
    t.index(['start_at']);
  });
  await knex.raw(checkIn('support_requests', 'channel', CHANNELS));
  await knex.raw(checkIn('support_requests', 'category', CATEGORIES));
  await knex.raw(checkIn('support_requests', 'task_type', TASK_TYPES));
  await knex.raw(checkIn('support_requests', 'mode', MODES));
  await knex.raw(checkIn('support_requests', 'status', REQUEST_STATUSES));
  await knex.raw(
    `alter table support_requests add constraint support_requests_time_check check (
       (start_at is null and end_at is null) or (start_at is not null and end_at is not null and end_at > start_at))`,
  );
  await knex.raw(
    `alter table support_requests add constraint support_requests_reason_check check (
       status not in ('cancelled','unmatched','rejected') or coalesce(btrim(status_reason), '') <> '')`,
  );
  await knex.raw('create index support_requests_search_trgm on support_requests using gin (search_text gin_trgm_ops)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('support_requests');
}
