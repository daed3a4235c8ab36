import type { Knex } from 'knex';

/**
 * Rate limits as one counter row per key (`login:pair:<email>|<ip>`, `public:ip:<ip>`…), counted
 * and decided in one statement (insert … on conflict do update … returning), so simultaneous
 * requests cannot all slip under a limit as they could by counting rows first. The table of
 * individual hits it replaces held only short-lived counts: nothing is carried over.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rate_limits', (t) => {
    t.text('key').primary();
    t.integer('points').notNullable().defaultTo(0);
    // End of the key's current window; after it the next hit starts a new window at 1.
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['expires_at']);
  });
  await knex.schema.dropTable('rate_limit_hits');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.createTable('rate_limit_hits', (t) => {
    t.bigIncrements('id').primary();
    t.text('bucket').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['bucket', 'at']);
    t.index(['at']);
  });
  await knex.schema.dropTable('rate_limits');
}
