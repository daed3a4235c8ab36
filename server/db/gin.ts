import type { Knex } from 'knex';

/**
 * GIN indexes (the trigram search columns, the language arrays) take new entries into a
 * pending list and merge it into the index proper once it outgrows gin_pending_list_limit
 * (4 MB by default): whichever insert crosses the limit does the whole merge. A bulk create
 * that holds a lock others wait for (the numbering counter) must not be that insert, so it
 * merges what is pending before taking the lock, lets its own rows only append while it holds
 * it, and merges them once it has committed.
 */

/** Merges the pending lists of the table's GIN indexes (those the database user owns, as the function requires). */
export async function mergeGinPending(db: Knex | Knex.Transaction, table: string): Promise<void> {
  await db.raw(
    `select gin_clean_pending_list(i.indexrelid)
       from pg_index i
       join pg_class c on c.oid = i.indexrelid
       join pg_am am on am.oid = c.relam
      where i.indrelid = ?::regclass and am.amname = 'gin' and pg_has_role(c.relowner, 'USAGE')`,
    [table],
  );
}

/** Until the transaction ends, inserts only append to the GIN pending lists (up to 256 MB). */
export async function deferGinMerge(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`set local gin_pending_list_limit = '256MB'`);
}
