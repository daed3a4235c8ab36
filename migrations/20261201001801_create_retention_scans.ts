import type { Knex } from 'knex';

/**
 * The daily retention check's results: one row per Japan-time day, with how many records had
 * passed their retention date. Kept so the admin page can say when the list was last checked
 * even if nobody opened it, and so a day is checked once however many servers run the job.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('retention_scans', (t) => {
    t.date('as_of').primary();
    t.integer('requests').notNullable();
    t.integer('clients').notNullable();
    t.integer('volunteers').notNullable();
    t.integer('audit_entries').notNullable();
    t.timestamp('scanned_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('retention_scans');
}
