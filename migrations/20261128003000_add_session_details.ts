import type { Knex } from 'knex';

/**
 * What "my sessions" shows: a public id to name a session by (never the token or its hash),
 * and the address and browser it was opened from. `created_at` (already there) bounds a
 * session's whole life, however much it is used.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sessions', (t) => {
    t.uuid('public_id').notNullable().defaultTo(knex.raw('gen_random_uuid()')).unique();
    t.text('ip');
    t.text('user_agent');
    t.index(['staff_id', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sessions', (t) => {
    t.dropIndex(['staff_id', 'created_at']);
    t.dropColumn('user_agent');
    t.dropColumn('ip');
    t.dropColumn('public_id');
  });
}
