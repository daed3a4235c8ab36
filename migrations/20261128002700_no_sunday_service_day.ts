import type { Knex } from 'knex';

/**
 * Sunday is no longer a service day that can be chosen (volunteers' availability is Monday to
 * Saturday): a stored 7 is removed, so the settings form can be saved again.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`update settings set service_weekdays = array_remove(service_weekdays, 7::smallint) where 7 = any(service_weekdays)`);
  await knex.raw(`update settings set service_weekdays = '{1,2,3,4,5,6}' where cardinality(service_weekdays) = 0`);
}

/** Nothing to restore: which settings had Sunday is not known any more. */
export async function down(): Promise<void> {}
