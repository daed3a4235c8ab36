import type { Knex } from 'knex';
import { migrateLatest } from './migrate.js';

/**
 * Tables of the migration tool itself (the target's own migrations write them), and the
 * stored report figures with their invalidation log: their snapshots and transaction ids mean
 * nothing in another database, so the target starts them empty and computes figures anew.
 */
const SKIPPED = new Set([
  'knex_migrations',
  'knex_migrations_lock',
  'report_period_figures',
  'report_invalidations',
  'report_invalidation_horizon',
]);
const EMPTIED = ['report_period_figures', 'report_invalidations'];
const BATCH = 1_000;

export type CopyReport = { table: string; rows: number }[];

type Column = { name: string; json: boolean };

/**
 * Copies every table of the `public` schema from one database to another — the embedded
 * database into PostgreSQL when an NPO outgrows it. Both are first brought to the latest
 * migration; the target must hold no records of its own (only what migrations put there,
 * which is replaced). Rows keep their ids; the id sequences continue after them. One
 * transaction on the target: a failure leaves it as it was.
 */
export async function copyDatabase(source: Knex, target: Knex, onTable?: (table: string, rows: number) => void): Promise<CopyReport> {
  await migrateLatest(source);
  await migrateLatest(target);
  const tables = await tablesInOrder(source);
  const report: CopyReport = [];
  await target.transaction(async (trx) => {
    await refuseIfUsed(trx, tables);
    await trx.raw(`truncate ${tables.map(() => '??').join(', ')} restart identity cascade`, tables);
    for (const table of tables) {
      const columns = await columnsOf(source, table);
      // Triggers that keep derived tables (volunteer history, counters) would count twice:
      // those tables are copied as they are.
      await trx.raw('alter table ?? disable trigger user', [table]);
      let copied = 0;
      for await (const rows of batches(source, table)) {
        await trx(table).insert(rows.map((row) => storable(row, columns)));
        copied += rows.length;
      }
      await trx.raw('alter table ?? enable trigger user', [table]);
      await continueSequences(trx, table);
      report.push({ table, rows: copied });
      onTable?.(table, copied);
    }
    // The truncate above logged invalidations of its own; nothing is stored yet to invalidate.
    await trx.raw(`delete from ${EMPTIED.join('; delete from ')}`);
  });
  return report;
}

/** The target may hold what migrations wrote (settings, counters), never people or requests. */
async function refuseIfUsed(trx: Knex.Transaction, tables: string[]): Promise<void> {
  for (const table of ['staff', 'clients', 'volunteers', 'support_requests'].filter((t) => tables.includes(t))) {
    if (await trx(table).first(trx.raw('1'))) {
      throw new Error(`The target database already holds data (table ${table}): copy only into a new, empty database.`);
    }
  }
}

/** Parents before children, following the foreign keys (a table's references to itself aside). */
async function tablesInOrder(db: Knex): Promise<string[]> {
  const tables: string[] = (await db.raw(`select tablename from pg_tables where schemaname = 'public' order by tablename`)).rows
    .map((r: { tablename: string }) => r.tablename)
    .filter((t: string) => !SKIPPED.has(t));
  const edges: { child: string; parent: string }[] = (
    await db.raw(
      `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public'`,
    )
  ).rows;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const e of edges) if (e.child === table && e.parent !== table) visit(e.parent);
    ordered.push(table);
  };
  for (const t of tables) visit(t);
  return ordered;
}

async function columnsOf(db: Knex, table: string): Promise<Column[]> {
  const rows: { column_name: string; data_type: string }[] = (
    await db.raw(
      `select column_name, data_type from information_schema.columns
        where table_schema = 'public' and table_name = ? and is_generated = 'NEVER' order by ordinal_position`,
      [table],
    )
  ).rows;
  return rows.map((r) => ({ name: r.column_name, json: r.data_type === 'json' || r.data_type === 'jsonb' }));
}

/** JSON columns are sent as text: the driver would send a JS array as a Postgres array. */
function storable(row: Record<string, unknown>, columns: Column[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const value = row[c.name];
    out[c.name] = c.json && value !== null && value !== undefined ? JSON.stringify(value) : value;
  }
  return out;
}

/** The table's rows in batches, in the order of its physical position (every table has one). */
async function* batches(db: Knex, table: string): AsyncGenerator<Record<string, unknown>[]> {
  let last = '(0,0)';
  for (;;) {
    const rows: Record<string, unknown>[] = (
      await db.raw(`select ctid::text as __ctid, * from ?? where ctid > ?::tid order by ctid limit ${BATCH}`, [table, last])
    ).rows;
    if (!rows.length) return;
    last = String(rows[rows.length - 1]?.__ctid);
    yield rows.map(({ __ctid: _position, ...row }) => row);
  }
}

/** Each sequence a column of the table owns continues after the largest value copied. */
async function continueSequences(trx: Knex.Transaction, table: string): Promise<void> {
  const owned: { column_name: string; seq: string }[] = (
    await trx.raw(
      `select a.attname as column_name, s.relname as seq
         from pg_class s
         join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
         join pg_class t on t.oid = d.refobjid
         join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        where s.relkind = 'S' and t.relname = ?`,
      [table],
    )
  ).rows;
  for (const { column_name, seq } of owned) {
    await trx.raw(`select setval(?::regclass, coalesce((select max(??) from ??), 0) + 1, false)`, [seq, column_name, table]);
  }
}
