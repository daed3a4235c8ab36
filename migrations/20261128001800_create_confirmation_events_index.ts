import type { Knex } from 'knex';

/** Reports find first confirmations by time: days from receipt to confirmation per period. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create index request_events_confirmed_at on request_events (at, request_id) where to_status = 'confirmed'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index request_events_confirmed_at');
}
