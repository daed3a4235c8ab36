import type { Knex } from 'knex';
import type { z } from 'zod';
import type { Actor, WriteContext } from './context.js';
import type { ListSpec } from './list-query.js';

export type { WriteContext } from './context.js';
export { readOnce } from './context.js';

export type Row = Record<string, unknown> & { id: number | string; version?: number };
/**
 * Everything the generic REST machinery needs to know about one resource. Resource folders
 * declare one of these; rules that need more than this live in their own service.
 */
export type ResourceConfig = {
  /** URL segment, role-table key and translation key, e.g. 'id-checks'. */
  name: string;
  list: ListSpec;
  /** Strict schema of the writable fields for POST; PUT uses its partial form unless given. */
  createSchema?: z.ZodObject;
  updateSchema?: z.ZodObject;
  /** Fields the server sets: accepted in a body (react-admin sends the whole record) and ignored. */
  readOnlyFields?: readonly string[];
  /** Columns derived from the record (search_text, readable numbers), added on create and update. */
  derive?: (record: Record<string, unknown>, ctx: WriteContext, existing?: Row) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /**
   * The gapless counter whose next number a create takes (derive calls takeNumber with it), so
   * a bulk create can reserve all its numbers in one statement.
   */
  counter?: string;
  /** jsonb columns: objects and arrays are stored as JSON (Knex would send a JS array as text[]). */
  jsonColumns?: readonly string[];
  /** Accepted in a body but never stored as such (a password becomes password_hash in derive). */
  writeOnlyFields?: readonly string[];
  /** Rules that need the database or the whole record; throw AppError to refuse. */
  check?: (record: Record<string, unknown>, ctx: WriteContext, existing?: Row) => Promise<void> | void;
  /** Runs after the write in the same transaction (timelines, denormalised values). */
  afterWrite?: (row: Row, ctx: WriteContext, existing?: Row) => Promise<void> | void;
  afterDelete?: (row: Row, ctx: WriteContext) => Promise<void> | void;
  /** True when the record is referenced by history and must be archived instead of deleted. */
  hasHistory?: (trx: Knex.Transaction, id: number | string) => Promise<boolean>;
  /** Runs when one record is read (GET /:id): sensitive reads are audited, not only writes. */
  onShow?: (row: Row, actor: Actor, db: Knex) => Promise<void>;
  /** Fields only a single record's GET returns (where reading them can be audited), never a list. */
  notInLists?: readonly string[];
  /** Extra columns selected with the record (joins or computed values), read-only by nature. */
  select?: (knex: Knex) => (string | Knex.Raw)[];
  /** The key column when it is not `id`. */
  idColumn?: string;
  idSchema?: z.ZodType;
  readOnly?: boolean;
  noDelete?: boolean;
  noUpdate?: boolean;
};

export const SERVER_FIELDS = ['id', 'version', 'created_at', 'updated_at'] as const;
