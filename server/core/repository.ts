import type { Knex } from 'knex';
import { applyFilter, columnOf, type ListQuery } from './list-query.js';
import type { ResourceConfig, Row, WriteContext } from './resource.js';

/** Arrays and objects are stored as JSON where the column is jsonb; Knex sends arrays as text[]. */
function toColumns(record: Record<string, unknown>, jsonColumns: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = jsonColumns.includes(key) && value !== null && value !== undefined ? JSON.stringify(value) : value;
  }
  return out;
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

  baseQuery(db: Knex | Knex.Transaction): Knex.QueryBuilder {
    const extra = this.config.select?.(db) ?? [];
    return db(this.table()).select(`${this.table()}.*`, ...extra);
  }

  async find(db: Knex | Knex.Transaction, id: number | string, forUpdate = false): Promise<Row | undefined> {
    const qb = this.baseQuery(db).where(`${this.table()}.${this.idColumn}`, id).first();
    if (forUpdate) qb.forUpdate(this.table());
    const row: Row | undefined = await qb;
    return row;
  }

  async list(db: Knex, query: ListQuery): Promise<{ rows: Row[]; total: number }> {
    const { list } = this.config;
    const filtered = db(list.table);
    applyFilter(filtered, list, query.filter, query.searchColumn);
    const [counted] = await filtered.clone().count({ total: '*' });
    const [field, order] = query.sort;
    const page = this.baseQuery(db);
    applyFilter(page, list, query.filter, query.searchColumn);
    const rows: Row[] = await page
      .orderBy(columnOf(list, field), order, order === 'ASC' ? 'first' : 'last')
      .orderBy(`${list.table}.${this.idColumn}`, order)
      .offset(query.range[0])
      .limit(query.range[1] - query.range[0] + 1);
    return { rows, total: Number(counted?.total) };
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
