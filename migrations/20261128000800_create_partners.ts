import type { Knex } from 'knex';
import { editableColumns } from './_columns.js';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('partners', (t) => {
    editableColumns(t, knex);
    t.text('name').notNullable();
    t.text('contact_name').nullable();
    t.text('phone').nullable();
    t.text('email').nullable();
    t.text('notes').nullable();
    t.timestamp('archived_at', { useTz: true }).nullable();
    // Normalised (NFKC, hiragana, lower case, phone digits) text behind the `q` search.
    t.text('search_text').notNullable().defaultTo('');
  });
  await knex.raw('create index partners_search_trgm on partners using gin (search_text gin_trgm_ops)');
  await knex.raw('create index partners_name on partners (name)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('partners');
}
