import type { Knex } from 'knex';

/**
 * Rows of a query in batches through a server-side cursor, so an export of a million rows
 * never holds more than one batch. Used on PGlite; PostgreSQL exports use COPY (copy.ts).
 */
export async function* cursorRows(db: Knex, query: Knex.QueryBuilder, batchSize = 2000): AsyncGenerator<Record<string, unknown>> {
  const { sql, bindings } = query.toSQL();
  const trx = await db.transaction();
  try {
    await trx.raw(`declare export_cursor no scroll cursor for ${sql}`, bindings as Knex.RawBinding[]);
    for (;;) {
      const { rows } = await trx.raw(`fetch ${Number(batchSize)} from export_cursor`);
      for (const row of rows) yield row;
      if (rows.length < batchSize) break;
    }
    await trx.commit();
  } catch (err) {
    await trx.rollback().catch(() => undefined);
    throw err;
  } finally {
    // A client that disconnects mid-download ends the generator early: release the connection.
    if (!trx.isCompleted()) await trx.rollback().catch(() => undefined);
  }
}
