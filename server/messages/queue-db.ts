import type { Knex } from 'knex';
import type { Engine } from '../db/index.js';

type Rows = { rows: Record<string, unknown>[] };
type QueryConnection = {
  query: (text: string, values?: unknown[]) => Promise<Rows>;
  exec?: (text: string) => Promise<Rows[]>;
};

/**
 * pg-boss's database, borrowed from Knex: every statement takes Knex's connection (on PGlite the
 * only one, queued behind open transactions; inside a transaction, that transaction's), so a
 * job can be created in the same transaction as the change that causes it. On PGlite,
 * parameterless SQL (pg-boss installs its schema as several statements) goes through exec().
 *
 * pg-boss runs its schema changes as one text, 'BEGIN; …; COMMIT;', and expects to lose the race
 * when two servers start at once ('already exists'). A text that fails after its BEGIN leaves
 * the connection inside an aborted transaction, and the next statement on it fails too (25P02:
 * seen as a server that could not start beside another); such a connection is rolled back
 * before it returns to the pool. Inside a Knex transaction the rollback is that transaction's.
 */
export function bossDb(knex: Knex | Knex.Transaction, engine: Engine) {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<Rows> {
      const client = knex.client as { acquireConnection: () => Promise<QueryConnection>; releaseConnection: (c: unknown) => Promise<void> };
      const conn = await client.acquireConnection();
      try {
        if (engine === 'pglite' && (!values || values.length === 0) && conn.exec) {
          const results = await conn.exec(text);
          return results[results.length - 1] ?? { rows: [] };
        }
        return await conn.query(text, values);
      } catch (err) {
        if (!knex.isTransaction) await conn.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        await client.releaseConnection(conn);
      }
    },
  };
}
