import type { Knex } from 'knex';

/** Columns every editable record carries: integer id, optimistic-lock version, timestamps. */
export function editableColumns(t: Knex.CreateTableBuilder, knex: Knex): void {
  t.increments('id').primary();
  t.integer('version').notNullable().defaultTo(1);
  t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
}

/** `col in ('a', 'b')`. Kept here, not imported: migrations never read live code. */
function sqlIn(column: string, values: readonly string[]): string {
  return `${column} in (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
}

/** CHECK that a column holds one of the enumeration's values. */
export function checkIn(table: string, column: string, values: readonly string[], nullable = false): string {
  const cond = sqlIn(column, values);
  return `alter table ${table} add constraint ${table}_${column}_check check (${nullable ? `${column} is null or ` : ''}${cond})`;
}

/** CHECK that every element of a text[] column is one of the enumeration's values. */
export function checkArrayIn(table: string, column: string, values: readonly string[]): string {
  const list = values.map((v) => `'${v}'`).join(', ');
  return `alter table ${table} add constraint ${table}_${column}_check check (${column} <@ array[${list}]::text[])`;
}
