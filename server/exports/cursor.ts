import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

/**
 * Rows of a query in batches, so an export of a million rows never holds more than one batch in
 * Node. Used on PGlite; PostgreSQL exports use COPY (copy.ts).
 *
 * PGlite has a single connection for every request. The cursor is declared WITH HOLD: its
 * transaction commits at once (the rows are kept by the database, as of that moment), and each
 * batch is one short statement, so other requests take their turn between batches instead of
 * waiting for the whole export.
 */
export async function* cursorRows(db: Knex, query: Knex.QueryBuilder, batchSize = 2000): AsyncGenerator<Record<string, unknown>> {
  const { sql, bindings } = query.toSQL();
  const name = `export_${randomBytes(8).toString('hex')}`;
  await db.transaction((trx) => trx.raw(`declare ${name} no scroll cursor with hold for ${sql}`, bindings));
  try {
    for (;;) {
      const { rows } = await db.raw(`fetch ${Number(batchSize)} from ${name}`);
      for (const row of rows) yield row;
      if (rows.length < batchSize) break;
    }
  } finally {
    // Also when the export is abandoned half-way: the held rows are freed.
    await db.raw(`close ${name}`).catch(() => undefined);
  }
}
