import type { Knex } from 'knex';

/**
 * Candidates asks, for every volunteer, whether they helped this resident before: PostgreSQL
 * answers it once per request as a hashed set of the resident's volunteers, which without an
 * index on the resident read all of volunteer_history (170,000 rows at 10,000 volunteers) on
 * every candidate list, and 10 coordinators at once waited on each other's scans.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index volunteer_history_of_client on volunteer_history (client_id, volunteer_id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists volunteer_history_of_client');
}
