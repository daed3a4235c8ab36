import type { Knex } from 'knex';

/**
 * A finer sample for the planner's guess of how many records a name search matches. For
 * `search_text like '%…%'` PostgreSQL tries the pattern on the column's histogram; with the
 * default 100 entries a single hit means 1 % of the table, so a name held by 0.1 % of the
 * requests could be guessed ten times too high. With 1,000 entries a guess above the lists'
 * exact-count limit (10,000) needs ten hits, and lists may trust it after counting only a
 * hundred matches. ANALYZE of these tables reads a larger sample (300,000 rows) in exchange.
 */
const COLUMNS: [string, string][] = [
  ['support_requests', 'search_text'],
  ['support_requests', 'search_basic'],
  ['clients', 'search_text'],
  ['clients', 'search_basic'],
  ['volunteers', 'search_text'],
];

export async function up(knex: Knex): Promise<void> {
  for (const [table, column] of COLUMNS) await knex.raw(`alter table ${table} alter column ${column} set statistics 1000`);
}

export async function down(knex: Knex): Promise<void> {
  for (const [table, column] of COLUMNS) await knex.raw(`alter table ${table} alter column ${column} set statistics -1`);
}
