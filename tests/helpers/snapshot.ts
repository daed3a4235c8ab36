import type { Knex } from 'knex';

/**
 * Bookkeeping that a refused request may legitimately touch: a session slides its expiry when
 * used, and every attempt at the login or the residents' form counts towards its rate limit.
 */
const BOOKKEEPING = new Set(['sessions', 'rate_limits', 'knex_migrations', 'knex_migrations_lock']);

let cachedTables: Promise<string[]> | undefined;
let cachedFor: Knex | undefined;

async function tablesOf(knex: Knex): Promise<string[]> {
  if (cachedFor !== knex) {
    cachedFor = knex;
    cachedTables = knex
      .select('table_name')
      .from('information_schema.tables')
      .where({ table_schema: 'public', table_type: 'BASE TABLE' })
      .orderBy('table_name')
      .then((rows: { table_name: string }[]) => rows.map((r) => r.table_name).filter((t) => !BOOKKEEPING.has(t)));
  }
  return cachedTables!;
}

/**
 * One checksum per table over every row's full text, in one round trip: equal before and after
 * a request means the request wrote nothing (no insert, update or delete) in any table.
 */
export async function tableChecksums(knex: Knex): Promise<Record<string, string>> {
  const tables = await tablesOf(knex);
  const sql = tables
    // A sum of row hashes needs no sort: cheap enough to run around every request.
    .map((t) => `select '${t}' as t, count(*)::text || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0)::text as c from "${t}" x`)
    .join(' union all ');
  const result = await knex.raw(sql);
  const rows = (result.rows ?? result) as { t: string; c: string }[];
  return Object.fromEntries(rows.map((r) => [r.t, r.c]));
}

/** The tables whose checksum differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
