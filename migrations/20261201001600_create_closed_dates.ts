import type { Knex } from 'knex';
import { editableColumns } from './_columns.js';

/**
 * 休業期間: closed periods an admin sets, refused like a public holiday. A yearly period
 * (`every_year`) repeats on the same month and day; the year-end and new-year break
 * 12/29–1/3 is there from the start.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('closed_dates', (t) => {
    editableColumns(t, knex);
    t.date('from_date').notNullable();
    t.date('to_date').notNullable();
    t.text('reason').notNullable();
    t.boolean('every_year').notNullable().defaultTo(false);
  });
  await knex.raw('alter table closed_dates add constraint closed_dates_order check (from_date <= to_date)');
  await knex.raw('alter table closed_dates add constraint closed_dates_yearly_span check (not every_year or to_date - from_date < 365)');
  await knex.raw('alter table closed_dates add constraint closed_dates_reason check (length(btrim(reason)) between 1 and 200)');
  await knex('closed_dates').insert({ from_date: '2026-12-29', to_date: '2027-01-03', reason: '年末年始', every_year: true });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('closed_dates');
}
