import type { Knex } from 'knex';
import { applyFilter, columnOf, type ListQuery } from './list-query.js';
import type { ResourceConfig, Row, WriteContext } from './resource.js';
import { HIDDEN } from './serialize.js';
import { PREPARE } from '../db/prepared.js';

/**
 * A list's page and count go as named statements (PREPARE), unless the filter holds a list of
 * values (ids, several statuses): its length would give each call a text of its own.
 */
const preparedFor = (filter: Record<string, unknown>) => (Object.values(filter).some(Array.isArray) ? {} : PREPARE);

/** Arrays and objects are stored as JSON where the column is jsonb; Knex sends arrays as text[]. */
function toColumns(record: Record<string, unknown>, jsonColumns: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = jsonColumns.includes(key) && value !== null && value !== undefined ? JSON.stringify(value) : value;
  }
  return out;
}

/** Matches a list counts exactly; past this it answers the planner's estimate (see list). */
export const EXACT_COUNT_LIMIT = 10_000;
/**
 * Matches counted when the planner expects more than EXACT_COUNT_LIMIT (fewer found are exact).
 * Small, because such a guess is rarely far off: a search column's histogram has 1,000 entries
 * (migration search_statistics), so a guess above the limit needs ten of them to match.
 */
export const SURE_COUNT = 100;

/** The planner's estimate of the rows a query returns (EXPLAIN, which runs nothing). */
async function plannedRows(db: Knex, qb: Knex.QueryBuilder): Promise<number> {
  const { sql, bindings } = qb.toSQL();
  const result = await db.raw(`explain (format json) ${sql}`, bindings);
  const cell: unknown = result.rows?.[0]?.['QUERY PLAN'];
  const plans = typeof cell === 'string' ? JSON.parse(cell) : cell;
  const rows = Array.isArray(plans) ? Number(plans[0]?.Plan?.['Plan Rows']) : Number.NaN;
  return Number.isFinite(rows) ? rows : 0;
}

/** An estimate shown as what it is: two significant figures (1,023,456 → 1,000,000). */
function roughly(n: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

export class ResourceRepository {
  readonly idColumn: string;
  readonly jsonColumns: readonly string[];
  constructor(readonly config: ResourceConfig) {
    this.idColumn = config.idColumn ?? 'id';
    this.jsonColumns = config.jsonColumns ?? [];
  }

  private table() {
    return this.config.list.table;
  }

  baseQuery(db: Knex | Knex.Transaction, columns?: readonly string[]): Knex.QueryBuilder {
    const extra = this.config.select?.(db) ?? [];
    const own = columns ? columns.map((c) => `${this.table()}.${c}`) : [`${this.table()}.*`];
    return db(this.table()).select(...own, ...extra);
  }

  private listed?: Promise<string[]>;
  /**
   * The table's columns a list returns: all but those never sent (search texts) and the
   * config's notInLists, so a page does not read and parse what it would drop. Read from the
   * catalogue once per repository (the schema does not change under a running server).
   */
  listColumns(db: Knex): Promise<string[]> {
    this.listed ??= db
      .raw(
        `select attname from pg_attribute
          where attrelid = ?::regclass and attnum > 0 and not attisdropped order by attnum`,
        [this.table()],
      )
      .then(({ rows }: { rows: { attname: string }[] }) => {
        const left = new Set([...HIDDEN, ...(this.config.notInLists ?? [])]);
        return rows.map((r) => r.attname).filter((c) => !left.has(c));
      })
      .catch((err: unknown) => {
        this.listed = undefined;
        throw err;
      });
    return this.listed;
  }

  async find(db: Knex | Knex.Transaction, id: number | string, forUpdate = false): Promise<Row | undefined> {
    const qb = this.baseQuery(db).where(`${this.table()}.${this.idColumn}`, id).first();
    if (forUpdate) qb.forUpdate(this.table());
    const row: Row | undefined = await qb;
    return row;
  }

  /** One page of a list, in the order described at `list`. */
  pageQuery(db: Knex, query: ListQuery, columns?: readonly string[]): Knex.QueryBuilder {
    const { list } = this.config;
    const page = this.baseQuery(db, columns);
    applyFilter(page, list, query.filter, query.searchColumn);
    return this.inPageOrder(page, query)
      .offset(query.range[0])
      .limit(query.range[1] - query.range[0] + 1);
  }

  /** The list's order: the chosen column then the key, as the `<table>_<column>_sort` indexes hold them. */
  private inPageOrder(qb: Knex.QueryBuilder, query: ListQuery): Knex.QueryBuilder {
    const { list } = this.config;
    const [field, order] = query.sort;
    // Ordered by the key alone, as its primary-key index holds it (a key is never NULL).
    if (field !== this.idColumn) qb.orderBy(columnOf(list, field), order, order === 'ASC' ? 'first' : 'last');
    return qb.orderBy(`${list.table}.${this.idColumn}`, order);
  }

  /**
   * One page and the number of matches. Up to EXACT_COUNT_LIMIT matches are counted exactly
   * (the count stops there, so it never reads more); beyond, the total is the planner's
   * estimate and `approximate` is true. Where the planner itself expects more than the limit,
   * only SURE_COUNT are counted: fewer than that is still an exact total. A page shorter than
   * asked tells the total without a count. The page is ordered by the chosen column then id,
   * NULLs first ascending: the order the `<table>_<column>_sort` indexes hold, read forwards or
   * backwards.
   */
  async list(db: Knex, query: ListQuery): Promise<{ rows: Row[]; total: number; approximate: boolean }> {
    const { list } = this.config;
    const matches = db(list.table).select(db.raw('1'));
    applyFilter(matches, list, query.filter, query.searchColumn);
    const [start, end] = query.range;
    const rows: Row[] = await this.pageQuery(db, query, await this.listColumns(db)).options(preparedFor(query.filter));
    if (rows.length && rows.length < end - start + 1) return { rows, total: start + rows.length, approximate: false };
    const kept = await this.countFromCounters(db, query.filter);
    if (kept !== undefined) return { rows, total: kept, approximate: false };
    // The planner's estimate first (it runs nothing): when it expects more matches than the
    // limit, counting them to the limit would read 10,000 rows (a name search: 100 ms) only to
    // show an estimate anyway, so just SURE_COUNT are counted, to catch an estimate far too high.
    // Those are counted in the page's order, so the planner may read on along the sort index
    // the page has just read rather than gather every match first (a name search: 10 → 3.5 ms).
    const estimate = await plannedRows(db, matches);
    const sure = estimate > EXACT_COUNT_LIMIT;
    const cap = sure ? SURE_COUNT : EXACT_COUNT_LIMIT;
    matches.limit(cap + 1);
    if (sure) this.inPageOrder(matches, query);
    const [counted] = await db.from(matches.as('m')).count({ total: '*' });
    const total = Number(counted?.total);
    if (total <= cap) return { rows, total, approximate: false };
    return { rows, total: roughly(Math.max(estimate, total)), approximate: true };
  }

  /**
   * The number of matches read from the counters the database keeps (ListSpec.counters), when
   * the filter names only their fields; undefined otherwise.
   */
  async countFromCounters(db: Knex | Knex.Transaction, filter: Record<string, unknown>): Promise<number | undefined> {
    const counters = this.config.list.counters;
    if (!counters || !Object.keys(filter).every((key) => counters.fields.includes(key))) return undefined;
    const sum = db(counters.table).sum({ n: 'n' }).options(preparedFor(filter));
    applyFilter(sum, { ...this.config.list, table: counters.table, columns: undefined, custom: undefined }, filter);
    const [row] = await sum;
    return Number(row?.n ?? 0);
  }

  async insert(ctx: WriteContext, record: Record<string, unknown>): Promise<Row> {
    const [inserted] = await ctx.trx(this.table()).insert(toColumns(record, this.jsonColumns)).returning(this.idColumn);
    const id: number | string = inserted[this.idColumn];
    const row = await this.find(ctx.trx, id);
    if (!row) throw new Error(`${this.table()}: the inserted row ${id} cannot be read back`);
    return row;
  }

  /** Ids for records about to be inserted, drawn from the id column's sequence in one statement. */
  async allocateIds(trx: Knex.Transaction, count: number): Promise<number[]> {
    const { rows } = await trx.raw<{ rows: { id: number }[] }>(
      'select nextval(pg_get_serial_sequence(?, ?)) as id from generate_series(1, ?)',
      [this.table(), this.idColumn, count],
    );
    return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  }

  /** One multi-row insert; `returning` '*' when the caller needs the stored rows. */
  async insertMany(ctx: WriteContext, records: Record<string, unknown>[], returning: '*' | 'id' = 'id'): Promise<Row[]> {
    if (!records.length) return [];
    const rows = records.map((r) => toColumns(r, this.jsonColumns));
    const inserted: Row[] = await ctx
      .trx(this.table())
      .insert(rows)
      .returning(returning === '*' ? '*' : this.idColumn);
    return inserted;
  }

  async update(ctx: WriteContext, id: number | string, version: number, patch: Record<string, unknown>): Promise<Row | undefined> {
    const count = await ctx
      .trx(this.table())
      .where(this.idColumn, id)
      .andWhere('version', version)
      .update({ ...toColumns(patch, this.jsonColumns), version: version + 1, updated_at: ctx.trx.fn.now() });
    return count ? this.find(ctx.trx, id) : undefined;
  }
}
