import type { Knex } from 'knex';

/**
 * What an entry the server writes says, as a code and its values (`{"code":"report_filed"}`),
 * so the console can say it in its own language; `body` keeps the Japanese sentence.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('request_events', (t) => {
    t.jsonb('message');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('request_events', (t) => {
    t.dropColumn('message');
  });
}
