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

type QueueMaker = {
  getQueue: (name: string) => Promise<unknown>;
  createQueue: (name: string) => Promise<void>;
};

/**
 * Creates a pg-boss queue unless it exists. Two servers creating the same queue at once deadlock
 * inside pg-boss's create_queue (each holds its row of the queue table while adding the new
 * partition's foreign key, which waits for the other): PostgreSQL cancels one with 40P01, seen
 * as a server that could not start beside another. The cancelled one waits a moment and tries
 * again; by then the other has created the queue and the try does nothing.
 */
export async function createQueueOnce(boss: QueueMaker, name: string, tries = 8): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await boss.getQueue(name))) await boss.createQueue(name);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '40P01' || attempt >= tries) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80 * attempt));
    }
  }
}
