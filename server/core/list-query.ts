import type { Knex } from 'knex';
import { z } from 'zod';
import { LIST_DEPTH_LIMIT } from '../domain/lists.js';
import { searchTerms } from '../domain/search.js';
import { AppError } from './errors.js';
import { text, textProblem } from './fields.js';
import { firstIssueText, jsonParam, parseWith } from './validate.js';
import { asParam, both, msg, schemaText, type Text } from './messages.js';

export type FieldType = 'int' | 'number' | 'text' | 'bool' | 'date' | 'timestamp' | 'text_array' | { enum: readonly string[] };

/** A filter of its own: the query value is parsed by schema, and the parsed value applied. */
export type CustomFilter = {
  parse: (raw: unknown) => z.ZodSafeParseResult<{ value: unknown; apply: (qb: Knex.QueryBuilder) => void }>;
};

/** A custom filter whose apply receives exactly what its schema parses to. */
export function customFilter<T>(filter: { schema: z.ZodType<T>; apply: (qb: Knex.QueryBuilder, value: T) => void }): CustomFilter {
  const clause = filter.schema.transform((value) => ({ value, apply: (qb: Knex.QueryBuilder) => filter.apply(qb, value) }));
  return { parse: (raw) => clause.safeParse(raw) };
}

/** What a list may be sorted and filtered by: anything else in the query is a 400. */
export type ListSpec = {
  table: string;
  fields: Record<string, FieldType>;
  sortable: readonly string[];
  defaultSort: [string, 'ASC' | 'DESC'];
  /** The table has a normalised `search_text` column behind `q`. */
  searchable?: boolean;
  /**
   * The table also has `search_basic` (names and numbers only): `q` uses it for roles that may
   * not see the record's contact details or casework text, which `search_text` holds.
   */
  basicSearch?: boolean;
  custom?: Record<string, CustomFilter>;
  maxPageSize?: number;
  /** API field → column, where they differ (a municipality's `id` is its `code`). */
  columns?: Record<string, string>;
  /**
   * A table of counts the database keeps (`n` per value of these fields, by triggers): a list
   * filtered by nothing but these fields takes its total from there, exactly and at once.
   */
  counters?: { table: string; fields: readonly string[] };
};

/** A lookup of a user-given key among a table's own entries, never what every object inherits. */
const own = <T>(table: Record<string, T> | undefined, key: string): T | undefined =>
  table && Object.hasOwn(table, key) ? table[key] : undefined;

export const columnOf = (spec: ListSpec, field: string) => `${spec.table}.${own(spec.columns, field) ?? field}`;

export type ListQuery = {
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
  filter: Record<string, unknown>;
  /** Which column `q` searches: search_text, or search_basic for restricted roles. */
  searchColumn?: 'search_text' | 'search_basic';
};

const RANGE_SUFFIXES = ['_gte', '_lte', '_gt', '_lt'] as const;
const RANGE_OPS = { _gte: '>=', _lte: '<=', _gt: '>', _lt: '<' } as const;
const RANGEABLE = new Set(['int', 'number', 'date', 'timestamp']);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const QuerySchema = z
  .object({
    sort: jsonParam(
      z.tuple([z.string(), z.enum(['ASC', 'DESC', 'asc', 'desc']).transform((o) => (o.toUpperCase() === 'ASC' ? 'ASC' : 'DESC'))]),
    ).optional(),
    range: jsonParam(z.tuple([z.number().int().min(0), z.number().int().min(0)])).optional(),
    // Kept as JSON.parse made it, own `__proto__` key included, so that key is named as unknown.
    filter: jsonParam(
      z
        .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
          message: schemaText('filter.json_object'),
        })
        .transform((v) => Object.assign(nullPrototype(), v)),
    ).optional(),
  })
  .strict();

/** An object with no inherited keys: user-given keys such as `__proto__` stay plain entries. */
const nullPrototype = (): Record<string, unknown> => Object.create(null);

const scalarSchema = (type: FieldType): z.ZodType<string | number | boolean> => {
  if (typeof type === 'object') return z.enum(type.enum);
  switch (type) {
    case 'int':
      return z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647);
    case 'number':
      return z.coerce.number().finite();
    case 'bool':
      return z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
    case 'date':
      return z.iso.date().refine((v) => inYears(Number(v.slice(0, 4))), YEARS_MESSAGE);
    case 'timestamp':
      // Any offset JavaScript reads, as one instant in UTC: the database refuses some offsets
      // (beyond ±15:59) and years (0000) that the ISO format allows, after the header of an export.
      return z.union([
        z.iso.date().refine((v) => inYears(Number(v.slice(0, 4))), YEARS_MESSAGE),
        z.iso
          .datetime({ offset: true })
          .transform((v) => new Date(v))
          .refine((d) => inYears(d.getUTCFullYear()), YEARS_MESSAGE)
          .transform((d) => d.toISOString()),
      ]);
    case 'text':
    case 'text_array':
      return text().max(200);
  }
};

/** Filters are about this service's records: far-off years are typos (and some the database refuses). */
const inYears = (year: number) => year >= 1900 && year <= 2999;
const YEARS_MESSAGE = schemaText('filter_years');

/** A date-only bound on a timestamp column means that day in Japan time. */
function timestampBound(value: string, op: string): { op: string; value: string } {
  if (!DATE_ONLY.test(value)) return { op, value };
  const start = `${value}T00:00:00+09:00`;
  if (op === '<=' || op === '>') {
    const next = new Date(Date.parse(start) + 24 * 3600_000).toISOString();
    return { op: op === '<=' ? '<' : '>=', value: next };
  }
  return { op, value: start };
}

function badField(key: string, text: Text): AppError {
  return new AppError('validation', msg('filter_field', { key, message: asParam(text) }), { [key]: text });
}

/**
 * A clause ready to add to a query, with the value as validated (what an audit entry may
 * record): every value was checked when the clause was made.
 */
type Clause = { apply: (qb: Knex.QueryBuilder) => void; value: unknown };

function fieldClause(column: string, key: string, type: FieldType, raw: unknown): Clause {
  if (raw === null) return { apply: (qb) => qb.whereNull(column), value: null };
  const parse = (v: unknown) => {
    const r = scalarSchema(type).safeParse(v);
    if (!r.success) throw badField(key, firstIssueText(r.error, 'filter.bad_value'));
    return r.data;
  };
  if (Array.isArray(raw) && raw.length > 1000) throw badField(key, 'filter.too_many_values');
  if (type === 'text_array') {
    const values = (Array.isArray(raw) ? raw : [raw]).map(parse);
    return {
      apply: (qb) => qb.whereRaw(`?? ${Array.isArray(raw) ? '&&' : '@>'} ?::text[]`, [column, values.map(String)]),
      value: Array.isArray(raw) ? values : values[0],
    };
  }
  if (Array.isArray(raw)) {
    const values = raw.map(parse);
    return { apply: (qb) => qb.whereIn(column, values), value: values };
  }
  const value = parse(raw);
  if (type === 'timestamp' && typeof value === 'string' && DATE_ONLY.test(value)) {
    const from = timestampBound(value, '>=');
    const to = timestampBound(value, '<=');
    return { apply: (qb) => qb.where(column, from.op, from.value).andWhere(column, to.op, to.value), value };
  }
  return { apply: (qb) => qb.where(column, value), value };
}

function rangeClause(column: string, key: string, suffix: keyof typeof RANGE_OPS, type: FieldType, raw: unknown): Clause {
  const r = scalarSchema(type).safeParse(raw);
  if (!r.success) throw badField(key, firstIssueText(r.error, 'filter.bad_value'));
  let op: string = RANGE_OPS[suffix];
  let value = r.data;
  if (type === 'timestamp' && typeof value === 'string') ({ op, value } = timestampBound(value, op));
  return { apply: (qb) => qb.where(column, op, value), value: r.data };
}

function searchClause(spec: ListSpec, raw: unknown, searchColumn: ListQuery['searchColumn']): Clause {
  if (typeof raw !== 'string') throw badField('q', 'filter.string');
  const problem = textProblem(raw);
  if (problem) throw badField('q', problem === 'control' ? 'control_character' : 'broken_text');
  // By characters, not UTF-16 units: a cut must not split a surrogate pair.
  const searched = Array.from(raw).slice(0, 200).join('');
  const terms = searchTerms(searched);
  return {
    apply: (qb) => {
      for (const term of terms) {
        const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
        qb.where(`${spec.table}.${searchColumn}`, 'like', `%${escaped}%`);
      }
    },
    value: searched,
  };
}

/** The range suffix of a key whose base is a rangeable field of the list (`received_at_gte`). */
function rangeOf(spec: ListSpec, key: string): { base: string; suffix: keyof typeof RANGE_OPS; type: FieldType } | undefined {
  const suffix = RANGE_SUFFIXES.find((s) => key.endsWith(s));
  if (!suffix) return undefined;
  const base = key.slice(0, -suffix.length);
  const type = own(spec.fields, base);
  return typeof type === 'string' && RANGEABLE.has(type) ? { base, suffix, type } : undefined;
}

/**
 * Checks every key and value of a filter and turns it into clauses. Keys are looked up as the
 * list's own fields only: `constructor` or `__proto__` is an unknown key like any other.
 */
function filterClauses(
  spec: ListSpec,
  filter: Record<string, unknown>,
  searchColumn: ListQuery['searchColumn'] = 'search_text',
): [string, Clause][] {
  return Object.entries(filter).map(([key, raw]): [string, Clause] => [key, clauseFor(spec, key, raw, searchColumn)]);
}

function clauseFor(spec: ListSpec, key: string, raw: unknown, searchColumn: ListQuery['searchColumn']): Clause {
  const custom = own(spec.custom, key);
  if (custom) {
    const r = custom.parse(raw);
    if (!r.success) throw badField(key, firstIssueText(r.error, 'filter.bad_value'));
    return r.data;
  }
  if (key === 'q' && spec.searchable) return searchClause(spec, raw, searchColumn);
  const type = own(spec.fields, key);
  if (type) return fieldClause(columnOf(spec, key), key, type, raw);
  const range = rangeOf(spec, key);
  if (range) return rangeClause(columnOf(spec, range.base), key, range.suffix, range.type, raw);
  throw badField(key, 'filter.not_filterable');
}

export function parseListQuery(query: unknown, spec: ListSpec): ListQuery {
  const parsed = parseWith(QuerySchema, query, 'noun.list_conditions');
  const [sortField, sortOrder] = parsed.sort ?? spec.defaultSort;
  if (!spec.sortable.includes(sortField)) {
    throw badField('sort', msg('list.not_sortable', { field: sortField }));
  }
  const filter = parsed.filter ?? nullPrototype();
  // react-admin's getMany sends {"id":[…]} and no range: it wants every one of those records
  // (at most 1,000 values, see fieldClause), not the first page of them.
  const wanted = !parsed.range && Array.isArray(filter.id) ? filter.id.length : 0;
  const [start, end] = parsed.range ?? [0, wanted ? wanted - 1 : 24];
  if (end < start) throw badField('range', 'list.range_order');
  if (!wanted && end - start + 1 > (spec.maxPageSize ?? 500)) throw badField('range', 'list.page_too_large');
  if (start >= LIST_DEPTH_LIMIT) {
    throw badField(
      'range',
      msg('list.too_deep', { limit: both(LIST_DEPTH_LIMIT.toLocaleString('ja-JP'), LIST_DEPTH_LIMIT.toLocaleString('en-GB')) }),
    );
  }
  // Every value is checked now, before a caller writes anything (an export's audit entry).
  filterClauses(spec, filter);
  return { sort: [sortField, sortOrder], range: [start, end], filter };
}

/** The column `q` may search for a role that cannot see these fields of the resource. */
export const searchColumnFor = (spec: ListSpec, hidden: readonly string[]): ListQuery['searchColumn'] =>
  spec.basicSearch && hidden.length ? 'search_basic' : 'search_text';

/**
 * Adds the filter's WHERE clauses to a query on spec.table. Returns the filter as validated
 * (values parsed, `q` cut to what is searched): what an audit entry may record.
 */
export function applyFilter(
  qb: Knex.QueryBuilder,
  spec: ListSpec,
  filter: Record<string, unknown>,
  searchColumn: ListQuery['searchColumn'] = 'search_text',
): Record<string, unknown> {
  const validated: Record<string, unknown> = {};
  for (const [key, clause] of filterClauses(spec, filter, searchColumn)) {
    clause.apply(qb);
    validated[key] = clause.value;
  }
  return validated;
}

export function contentRange(resource: string, range: [number, number], count: number, total: number): string {
  if (count === 0) return `${resource} */${total}`;
  return `${resource} ${range[0]}-${range[0] + count - 1}/${total}`;
}
