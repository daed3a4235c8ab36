import type { Knex } from 'knex';

/** Gapless readable numbers (C-00012, R-2026-00042): one row per sequence, locked while used. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('counters', (t) => {
    t.text('name').primary();
    t.integer('value').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('counters');
}
