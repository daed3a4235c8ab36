import type { Knex } from 'knex';
import { checkIn } from './_columns.js';

// The values as they were when this migration was written: a migration must create the same
// schema on a fresh database however the live enumerations grow later.
const ELIGIBILITY_MODES = ['members_only', 'open'];

/** One row (id = 1) of service-wide settings, each a typed column with its own rule. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('settings', (t) => {
    t.integer('id').primary();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('eligibility_mode').notNullable().defaultTo('members_only');
    // ISO weekdays, 1 = Monday … 7 = Sunday.
    t.specificType('service_weekdays', 'smallint[]').notNullable().defaultTo('{1,2,3,4,5,6}');
    t.text('service_start').notNullable().defaultTo('08:30');
    t.text('service_end').notNullable().defaultTo('18:00');
    t.integer('max_activity_minutes').notNullable().defaultTo(180);
    t.boolean('closed_on_public_holidays').notNullable().defaultTo(true);
    t.integer('id_check_valid_months').notNullable().defaultTo(36);
    t.integer('small_count_threshold').notNullable().defaultTo(3);
  });
  await knex.raw('alter table settings add constraint settings_single_row check (id = 1)');
  await knex.raw(checkIn('settings', 'eligibility_mode', ELIGIBILITY_MODES));
  await knex.raw(
    `alter table settings add constraint settings_hours_check check (
       service_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and service_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
       and service_start < service_end)`,
  );
  await knex.raw(
    `alter table settings add constraint settings_numbers_check check (
       max_activity_minutes between 15 and 1440 and id_check_valid_months between 1 and 120
       and small_count_threshold between 1 and 100
       and service_weekdays <@ array[1,2,3,4,5,6,7]::smallint[])`,
  );
  await knex('settings').insert({ id: 1 });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('settings');
}
