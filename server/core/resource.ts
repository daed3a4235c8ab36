import type { Knex } from 'knex';
import type { z } from 'zod';
import type { Actor, WriteContext } from './context.js';
import type { ListSpec } from './list-query.js';

export type { WriteContext } from './context.js';
export { readOnce } from './context.js';

export type Row = Record<string, unknown> & { id: number | string; version?: number };

/** The columns the database sets on every record. */
export type ServerColumns = { id: number; version: number; created_at: Date; updated_at: Date };

/**
 * A stored record as its hooks see it: the schema's fields, the columns only the server writes
 * (`X`: readable numbers, statuses, derived values) and the server columns.
 */
export type Stored<S extends z.ZodObject, X = unknown> = z.output<S> & X & ServerColumns;

/**
 * What a write does, in this order, for a create (POST, an import, a workflow) and an update
 * (PUT) alike — the one place this order is written down:
 *
 * 1. **validate**: the body is parsed with the strict schema (on update its partial form,
 *    merged over the stored record); the server's own fields are dropped first.
 * 2. **normalise**: fills in what the record takes from elsewhere (a confirmed assignment's
 *    time from its request) and returns the record to check and store.
 * 3. **check**: rules that need the database or the whole record; throws AppError to refuse.
 *    A check reads the record, never changes it.
 * 4. **persist**: `derive` adds the columns computed from the record (search text, readable
 *    numbers, who did it), then the row is inserted or updated, with its audit entry.
 * 5. **after**: what the write changes elsewhere, in the same transaction (the timeline, a
 *    request that follows its assignment, a volunteer's ID-check expiry). A workflow that
 *    reaches into another resource is a named, exported function called from here.
 *
 * An import runs 1–3 for every row (validateCreate), then 4–5 for all rows at once (createMany).
 */
export type ResourceHooks<S extends z.ZodObject, X = unknown> = {
  normalise?: (record: z.output<S>, ctx: WriteContext, existing?: Stored<S, X>) => Promise<z.output<S>> | z.output<S>;
  check?: (record: Readonly<z.output<S>>, ctx: WriteContext, existing?: Stored<S, X>) => Promise<void> | void;
  derive?: (
    record: Readonly<z.output<S>>,
    ctx: WriteContext,
    existing?: Stored<S, X>,
  ) => Promise<Record<string, unknown>> | Record<string, unknown>;
  after?: (row: Stored<S, X>, ctx: WriteContext, existing?: Stored<S, X>) => Promise<void> | void;
  afterDelete?: (row: Stored<S, X>, ctx: WriteContext) => Promise<void> | void;
  /** Runs when one record is read (GET /:id): sensitive reads are audited, not only writes. */
  onShow?: (row: Stored<S, X>, actor: Actor, db: Knex) => Promise<void>;
};

type Options = {
  /** URL segment, role-table key and translation key, e.g. 'id-checks'. */
  name: string;
  list: ListSpec;
  /** Fields the server sets: accepted in a body (react-admin sends the whole record) and ignored. */
  readOnlyFields?: readonly string[];
  /**
   * The gapless counter whose next number a create takes (derive calls takeNumber with it), so
   * a bulk create can reserve all its numbers in one statement.
   */
  counter?: string;
  /** jsonb columns: objects and arrays are stored as JSON (Knex would send a JS array as text[]). */
  jsonColumns?: readonly string[];
  /** Accepted in a body but never stored as such (a password becomes password_hash in derive). */
  writeOnlyFields?: readonly string[];
  /** True when the record is referenced by history and must be archived instead of deleted. */
  hasHistory?: (trx: Knex.Transaction, id: number | string) => Promise<boolean>;
  /** Fields only a single record's GET returns (where reading them can be audited), never a list. */
  notInLists?: readonly string[];
  /** Extra columns selected with the record (joins or computed values), read-only by nature. */
  select?: (knex: Knex | Knex.Transaction) => (string | Knex.Raw)[];
  /** The key column when it is not `id`. */
  idColumn?: string;
  idSchema?: z.ZodType<string>;
  readOnly?: boolean;
  noDelete?: boolean;
  noUpdate?: boolean;
};

/**
 * Everything the generic machinery (service, repository, routes, exports, OpenAPI) needs to know
 * about one resource, with its record type erased; declare one with defineResource.
 */
export type ResourceConfig = Options & {
  /** Strict schema of the writable fields for POST; PUT uses its partial form unless given. */
  createSchema?: z.ZodObject;
  updateSchema?: z.ZodObject;
  // Method syntax: a typed definition's hooks fit these signatures (see defineResource).
  normalise?(
    record: Record<string, unknown>,
    ctx: WriteContext,
    existing?: Row,
  ): Promise<Record<string, unknown>> | Record<string, unknown>;
  check?(record: Record<string, unknown>, ctx: WriteContext, existing?: Row): Promise<void> | void;
  derive?(record: Record<string, unknown>, ctx: WriteContext, existing?: Row): Promise<Record<string, unknown>> | Record<string, unknown>;
  after?(row: Row, ctx: WriteContext, existing?: Row): Promise<void> | void;
  afterDelete?(row: Row, ctx: WriteContext): Promise<void> | void;
  onShow?(row: Row, actor: Actor, db: Knex): Promise<void>;
};

export type ResourceDefinition<S extends z.ZodObject, X> = Options &
  ResourceHooks<S, X> & {
    /** The writable fields: the record type of every hook is inferred from it. */
    schema: S;
    /** For PUT, when it is not the partial form of `schema` (staff: no password there). */
    updateSchema?: z.ZodObject;
  };

/**
 * Declares a resource: the hooks' record type is inferred from `schema`. `X` names the columns
 * only the server writes, when hooks read them: `defineResource<{ request_no: string }>()({…})`.
 */
export function defineResource<X = unknown>() {
  return <S extends z.ZodObject>(definition: ResourceDefinition<S, X>): ResourceConfig => {
    const { schema, ...rest } = definition;
    return { ...rest, createSchema: schema };
  };
}

/** A resource read through the API only (lists and records, no writes of its own). */
export function readOnlyResource(options: Options): ResourceConfig {
  return { ...options, readOnly: true };
}

export const SERVER_FIELDS = ['id', 'version', 'created_at', 'updated_at'] as const;
