import type { Knex } from 'knex';

/**
 * Warnings by task: free-text notes per municipality (when the ward holds its child health
 * check-ups, its 休日開庁 days), shown beside a request's date; and the least time between one
 * volunteer's in-person activities in different municipalities (travel), a setting.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('municipalities', (t) => t.text('notes').nullable());
  await knex.schema.alterTable('settings', (t) => t.integer('travel_gap_minutes').notNullable().defaultTo(60));
  await knex.raw('alter table settings add constraint settings_travel_gap_minutes_check check (travel_gap_minutes between 0 and 600)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('municipalities', (t) => t.dropColumn('notes'));
  await knex.schema.alterTable('settings', (t) => t.dropColumn('travel_gap_minutes'));
}
