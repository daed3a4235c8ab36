import type { Knex } from 'knex';
import { checkArrayIn, checkIn, editableColumns } from './_columns.js';

// The values as they were when this migration was written: a migration must create the same
// schema on a fresh database however the live enumerations grow later.
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
const VOLUNTEER_STATUSES = ['active', 'paused', 'retired'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('volunteers', (t) => {
    editableColumns(t, knex);
    t.text('volunteer_no').notNullable().unique();
    t.text('name').notNullable();
    t.text('name_kana').nullable();
    t.text('email').nullable();
    t.text('phone').nullable();
    t.text('municipality_code').nullable().references('municipalities.code');
    t.specificType('service_municipality_codes', 'text[]').notNullable().defaultTo('{}');
    t.specificType('languages', 'text[]').notNullable().defaultTo('{ja}');
    t.boolean('in_person_ok').notNullable().defaultTo(true);
    t.boolean('online_ok').notNullable().defaultTo(false);
    t.specificType('task_types', 'text[]').notNullable().defaultTo('{}');
    // [{"weekday":1-6,"start":"HH:MM","end":"HH:MM"}], validated by the application's schema.
    t.jsonb('availability').notNullable().defaultTo('[]');
    t.integer('monthly_limit').nullable();
    t.text('status').notNullable().defaultTo('active');
    t.boolean('ofp_registered').notNullable().defaultTo(false);
    t.text('notes').nullable();
    // Kept by the server: expiry of the latest passed ID check.
    t.date('id_check_valid_until').nullable();
    t.timestamp('archived_at', { useTz: true }).nullable();
    t.text('search_text').notNullable().defaultTo('');
    t.index(['municipality_code']);
    t.index(['status']);
    t.index(['id_check_valid_until']);
  });
  await knex.raw(checkIn('volunteers', 'status', VOLUNTEER_STATUSES));
  await knex.raw(checkArrayIn('volunteers', 'task_types', TASK_TYPES));
  await knex.raw(
    `alter table volunteers add constraint volunteers_monthly_limit_check check (monthly_limit is null or monthly_limit between 0 and 100)`,
  );
  await knex.raw(`alter table volunteers add constraint volunteers_availability_check check (jsonb_typeof(availability) = 'array')`);
  await knex.raw('create index volunteers_search_trgm on volunteers using gin (search_text gin_trgm_ops)');
  await knex.raw('create index volunteers_languages on volunteers using gin (languages)');
  await knex.raw('create index volunteers_service_areas on volunteers using gin (service_municipality_codes)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('volunteers');
}
