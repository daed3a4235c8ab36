import type { Knex } from 'knex';

/**
 * A coordinator's private iCalendar feed: one secret per person (only its hash is kept),
 * replaced when they make a new one and gone when they revoke it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('calendar_feeds', (t) => {
    t.integer('staff_id').primary().references('staff.id').onDelete('CASCADE');
    t.text('token_hash').notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('calendar_feeds');
}
