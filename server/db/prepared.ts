import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
// Knex's own PostgreSQL client, which knex-pglite extends too; Knex publishes no types for it.
// @ts-expect-error -- no declaration file for Knex's dialect modules
import KnexPgClient from 'knex/lib/dialects/postgres/index.js';

/**
 * `.options(PREPARE)` on a Knex query or raw statement: on PostgreSQL it is sent as a named
 * prepared statement, so each pooled connection parses it once and PostgreSQL may keep a plan
 * for it. For the few statements every screen runs (the session look-up, a list's page and its
 * count, the candidates): the raw driver runs a list's three 1.5–1.8× faster named. PGlite
 * ignores it.
 *
 * A connection keeps every statement it has prepared for as long as it lives, so mark only
 * statements whose texts are few: no list of values whose length changes the text.
 */
export const PREPARE = { prepare: true } as const;

type QueryObject = { sql: string; options?: Record<string, unknown> };
/** A pooled pg client as Knex lends it (the fields read here are the driver's and Knex's own). */
type PgConnection = {
  __knexTxId?: string;
  connection: { parsedStatements: Record<string, string> };
  query(text: string): Promise<unknown>;
};
type PgClientClass = new (config: Knex.Config) => Knex.Client & { _query(connection: PgConnection, obj: QueryObject): Promise<unknown> };

/**
 * The statement's name is a digest of its text (with placeholders): the same text gets the same
 * name, and the driver refuses a name reused for another text, so two texts never share one.
 */
export const statementName = (sql: string) => `q_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;

/** PostgreSQL's error when a prepared statement's result would change shape under it. */
const FEATURE_NOT_SUPPORTED = '0A000';

/** Knex's pg client, naming statements marked with PREPARE. */
export class PreparingPgClient extends (KnexPgClient as PgClientClass) {
  override async _query(connection: PgConnection, obj: QueryObject): Promise<unknown> {
    if (!obj.options?.prepare) return super._query(connection, obj);
    const { prepare: _, ...options } = obj.options;
    const name = statementName(obj.sql);
    obj.options = { ...options, name };
    try {
      return await super._query(connection, obj);
    } catch (err) {
      // A newer server's migration changed a table under the statement ("cached plan must not
      // change result type"): outside a transaction, forget it and prepare it again, once. In a
      // transaction the error has already aborted it and stands; the statement's next run on
      // this connection outside one heals it (the marked statements run outside them).
      if ((err as { code?: string }).code !== FEATURE_NOT_SUPPORTED || connection.__knexTxId) throw err;
      await connection.query(`deallocate "${name}"`);
      delete connection.connection.parsedStatements[name];
      return super._query(connection, obj);
    }
  }
}
