import type { Knex } from 'knex';

/**
 * Residents' feedback after the help: a rating from 1 to 5 and an optional comment in any
 * language, one per request, through the personal link e-mailed when the request is done.
 * Never shown to volunteers.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('resident_feedback', (t) => {
    t.increments('id').primary();
    t.integer('request_id').notNullable().unique().references('support_requests.id');
    t.integer('client_id').nullable().references('clients.id');
    t.integer('rating').notNullable();
    t.text('comment').nullable();
    t.text('language').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('alter table resident_feedback add constraint resident_feedback_rating check (rating between 1 and 5)');
  await knex.raw('alter table resident_feedback add constraint resident_feedback_comment check (length(comment) <= 2000)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('resident_feedback');
}
