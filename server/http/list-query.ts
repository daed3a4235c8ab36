import type { Knex } from 'knex';
import { z } from 'zod';
import { searchTerms } from '../domain/search.js';
import { AppError } from './errors.js';
import { jsonParam, parseWith } from './validate.js';

export type FieldType = 'int' | 'number' | 'text' | 'bool' | 'date' | 'timestamp' | 'text_array' | { enum: readonly string[] };

export type CustomFilter = {
  schema: z.ZodType;
  apply: (qb: Knex.QueryBuilder, value: never) => void;
};

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
};

export const columnOf = (spec: ListSpec, field: string) => `${spec.table}.${spec.columns?.[field] ?? field}`;

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
    sort: jsonParam(z.tuple([z.string(), z.enum(['ASC', 'DESC', 'asc', 'desc'])])).optional(),
    range: jsonParam(z.tuple([z.number().int().min(0), z.number().int().min(0)])).optional(),
    filter: jsonParam(z.record(z.string(), z.unknown())).optional(),
  })
  .strict();

const scalarSchema = (type: FieldType): z.ZodType => {
  if (typeof type === 'object') return z.enum(type.enum as [string, ...string[]]);
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
      return z.string().max(200);
  }
};

/** Filters are about this service's records: far-off years are typos (and some the database refuses). */
const inYears = (year: number) => year >= 1900 && year <= 2999;
const YEARS_MESSAGE = '1900年から2999年までの日付で指定してください。';

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

function badField(key: string, message: string): AppError {
  return new AppError('validation', `絞り込み条件「${key}」: ${message}`, { [key]: message });
}

function applyField(qb: Knex.QueryBuilder, column: string, key: string, type: FieldType, raw: unknown): unknown {
  if (raw === null) {
    qb.whereNull(column);
    return null;
  }
  const parse = (v: unknown) => {
    const r = scalarSchema(type).safeParse(v);
    if (!r.success) throw badField(key, r.error.issues[0]?.message ?? '値が正しくありません。');
    return r.data as string | number | boolean;
  };
  if (type === 'text_array') {
    const values = (Array.isArray(raw) ? raw : [raw]).map(parse);
    qb.whereRaw(`?? ${Array.isArray(raw) ? "&&" : "@>"} ?::text[]`, [column, values as string[]]);
    return Array.isArray(raw) ? values : values[0];
  }
  if (Array.isArray(raw)) {
    if (raw.length > 1000) throw badField(key, '値が多すぎます。');
    const values = raw.map(parse);
    qb.whereIn(column, values);
    return values;
  }
  const value = parse(raw);
  if (type === 'timestamp' && typeof value === 'string' && DATE_ONLY.test(value)) {
    const from = timestampBound(value, '>=');
    const to = timestampBound(value, '<=');
    qb.where(column, from.op, from.value).andWhere(column, to.op, to.value);
    return value;
  }
  qb.where(column, value);
  return value;
}

function applyRange(qb: Knex.QueryBuilder, column: string, key: string, suffix: keyof typeof RANGE_OPS, type: FieldType, raw: unknown): unknown {
  const r = scalarSchema(type).safeParse(raw);
  if (!r.success) throw badField(key, r.error.issues[0]?.message ?? '値が正しくありません。');
  let op: string = RANGE_OPS[suffix];
  let value = r.data as string | number;
  if (type === 'timestamp' && typeof value === 'string') ({ op, value } = timestampBound(value, op));
  qb.where(column, op, value);
  return r.data;
}

/** The database cannot store or compare text holding a NUL character: a 400, not a 500. */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.values(value).some(hasNul);
  return false;
}

export function parseListQuery(query: unknown, spec: ListSpec): ListQuery {
  const parsed = parseWith(QuerySchema, query, '一覧の条件');
  const [sortField, sortOrder] = parsed.sort ?? spec.defaultSort;
  if (!spec.sortable.includes(sortField)) {
    throw badField('sort', `「${sortField}」では並べ替えできません。`);
  }
  const filter = parsed.filter ?? {};
  // react-admin's getMany sends {"id":[…]} and no range: it wants every one of those records
  // (at most 1,000 values, see applyEquals), not the first page of them.
  const wanted = !parsed.range && Array.isArray(filter.id) ? filter.id.length : 0;
  const [start, end] = parsed.range ?? [0, wanted ? wanted - 1 : 24];
  if (end < start) throw badField('range', '範囲の終わりが始まりより前です。');
  if (!wanted && end - start + 1 > (spec.maxPageSize ?? 500)) throw badField('range', '一度に取得できる件数を超えています。');
  for (const key of Object.keys(filter)) {
    if (key === 'q' && spec.searchable) continue;
    if (key in spec.fields || spec.custom?.[key]) continue;
    const suffix = RANGE_SUFFIXES.find((s) => key.endsWith(s));
    const base = suffix ? key.slice(0, -suffix.length) : '';
    const baseType = spec.fields[base];
    if (suffix && baseType && typeof baseType === 'string' && RANGEABLE.has(baseType)) continue;
    throw badField(key, 'この項目では絞り込みできません。');
  }
  for (const [key, value] of Object.entries(filter)) {
    if (hasNul(value)) throw badField(key, '使用できない制御文字 (NUL) が含まれています。');
  }
  return { sort: [sortField, sortOrder.toUpperCase() as 'ASC' | 'DESC'], range: [start, end], filter };
}

/** The column `q` may search for a role that cannot see these fields of the resource. */
export const searchColumnFor = (spec: ListSpec, hidden: readonly string[]): ListQuery['searchColumn'] =>
  spec.basicSearch && hidden.length ? 'search_basic' : 'search_text';

/**
 * Adds the filter's WHERE clauses to a query on spec.table. Returns the filter as validated
 * (values parsed, `q` cut to what is searched): what an audit entry may record.
 */
export function applyFilter(qb: Knex.QueryBuilder, spec: ListSpec, filter: Record<string, unknown>, searchColumn: ListQuery['searchColumn'] = 'search_text'): Record<string, unknown> {
  const validated: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(filter)) {
    if (key === 'q' && !spec.custom?.q) {
      if (typeof raw !== 'string') throw badField('q', '文字列で指定してください。');
      validated.q = raw.slice(0, 200);
      for (const term of searchTerms(raw.slice(0, 200))) {
        const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
        qb.where(`${spec.table}.${searchColumn}`, 'like', `%${escaped}%`);
      }
      continue;
    }
    const custom = spec.custom?.[key];
    if (custom) {
      const r = custom.schema.safeParse(raw);
      if (!r.success) throw badField(key, r.error.issues[0]?.message ?? '値が正しくありません。');
      custom.apply(qb, r.data as never);
      validated[key] = r.data;
      continue;
    }
    const type = spec.fields[key];
    if (type) {
      validated[key] = applyField(qb, columnOf(spec, key), key, type, raw);
      continue;
    }
    const suffix = RANGE_SUFFIXES.find((s) => key.endsWith(s))!;
    const base = key.slice(0, -suffix.length);
    validated[key] = applyRange(qb, columnOf(spec, base), key, suffix, spec.fields[base]!, raw);
  }
  return validated;
}

export function contentRange(resource: string, range: [number, number], count: number, total: number): string {
  if (count === 0) return `${resource} */${total}`;
  return `${resource} ${range[0]}-${range[0] + count - 1}/${total}`;
}
