import type { Knex } from 'knex';
import { z } from 'zod';
import type { SessionStaff } from '../auth/session-store.js';
import { mergeGinPending } from '../db/gin.js';
import { audit } from '../core/audit.js';
import type { ResourceService } from '../core/service.js';
import { toAppError } from '../http/error-handler.js';
import { AppError } from '../core/errors.js';
import { DuplicateIndex, duplicateKeys, findDuplicatesMany, PEOPLE } from '../people/duplicates.js';
import { writeContext, type WriteContext } from '../core/context.js';
import { lookupKey, type Lookups } from './cells.js';
import type { ImportResource } from './columns.js';
import { decodeCsv, ImportFileError, parseCsv, type RowProblem } from './decode.js';
import { readTable, rowBody, type Table } from './table.js';

export type ImportReport = {
  dry_run: boolean;
  total_rows: number;
  valid_rows: number;
  errors: RowProblem[];
  /** Rows that look like a person already on the roster or earlier in the file; they do not stop the import. */
  warnings: RowProblem[];
  preview: Record<string, unknown>[];
  created: number;
};
export type ImportOutcome = { status: 200 | 201 | 400; body: ImportReport & { error?: 'validation'; message?: string } };

const PREVIEW_ROWS = 20;
/** The longest stretch the row checks keep the event loop before letting other requests in. */
const BREATHE_MS = 3;
/** Rows per multi-row insert. */
const INSERT_BATCH = 500;
/** As the form's check, which lists at most this many look-alikes. */
const DUPLICATES_PER_ROW = 10;

type Checked = { errors: RowProblem[]; warnings: RowProblem[]; preview: Record<string, unknown>[]; valid: number };

const MATCHED: Record<string, { field: string; label: string }> = {
  phone: { field: 'phone', label: '電話番号' },
  email: { field: 'email', label: 'メールアドレス' },
  name: { field: 'name', label: '氏名' },
  kana: { field: 'name_kana', label: 'フリガナ' },
};

/** Thrown to roll back a transaction whose work was only a rehearsal, carrying what it found. */
class Rollback extends Error {
  constructor(readonly checked: Checked) {
    super('import rolled back');
  }
}

const refused = (report: ImportReport, message: string): ImportOutcome => ({
  status: 400,
  body: { error: 'validation', message, ...report },
});

/** A row the API's create accepted: its stored form, and the sheet row it came from. */
type Accepted = { row: number; data: Record<string, unknown> };

/**
 * In two passes, in one transaction. First every row goes through the API's own checks (the
 * create's schema and rules, with settings, municipalities and partners read once for the
 * whole file) and the duplicate check (a few statements for the whole file), writing nothing.
 * Then, only for a real import of a file without problems, all rows are created in multi-row
 * statements (ResourceService.createMany: the same derived columns and audit entries as a
 * single create), taking the readable-number counter only for the final inserts, so that
 * others creating a client meanwhile wait for at most those. A dry run, or a file with any
 * problem, is rolled back whole.
 */
export class ImportService {
  constructor(
    private readonly db: Knex,
    private readonly services: Record<ImportResource, ResourceService>,
  ) {}

  /**
   * `acceptDuplicates`: the person importing has seen the possible duplicates and imports anyway;
   * without it a file with any is refused, so one click cannot register everyone twice.
   */
  async run(
    resource: ImportResource,
    file: Buffer,
    dryRun: boolean,
    actor: SessionStaff,
    acceptDuplicates = false,
  ): Promise<ImportOutcome> {
    let table: Table;
    try {
      table = readTable(resource, parseCsv(decodeCsv(file)));
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      return refused(
        { dry_run: dryRun, total_rows: 0, valid_rows: 0, errors: err.problems, warnings: [], preview: [], created: 0 },
        err.message,
      );
    }
    const empty = { dry_run: dryRun, total_rows: table.rows.length, valid_rows: 0, errors: [], warnings: [], preview: [], created: 0 };
    let checked: Checked;
    try {
      checked = await this.write(resource, table, !dryRun, actor, acceptDuplicates);
    } catch (err) {
      // The database refused the rows the checks let through (a partner deleted meanwhile…).
      const refusal = toAppError(err);
      if (refusal.status >= 500) throw err;
      const message = `取り込めませんでした。1 件も登録していません: ${refusal.message}`;
      return refused({ ...empty, errors: [{ row: null, column: null, message }] }, message);
    }
    const blockedByDuplicates = !acceptDuplicates && checked.warnings.length > 0;
    const committed = !dryRun && !checked.errors.length && !blockedByDuplicates;
    // The new rows' search entries were only appended while the counter was held: merged now,
    // so searches need not read through them. Only speed depends on it (the next large insert
    // or autovacuum would merge them too), so a failure here does not undo a committed import.
    if (committed) await mergeGinPending(this.db, PEOPLE[resource].table).catch(() => undefined);
    const report = {
      ...empty,
      valid_rows: checked.valid,
      errors: checked.errors,
      warnings: checked.warnings,
      preview: checked.preview,
      created: committed ? table.rows.length : 0,
    };
    if (dryRun) return { status: 200, body: report };
    if (!committed && !checked.errors.length) {
      const rows = new Set(checked.warnings.map((w) => w.row)).size;
      return refused(
        report,
        `${rows} 行がすでに登録済みの人や同じファイルの別の行と重なっている可能性があるため、取り込んでいません。確認して、それでも取り込む場合は「重複の可能性を確認しました」を選んでください。`,
      );
    }
    if (!committed) {
      const badRows = new Set(checked.errors.map((e) => e.row)).size;
      return refused(report, `${badRows} 行に誤りがあるため、1 件も取り込んでいません。すべて直してから、もう一度取り込んでください。`);
    }
    return { status: 201, body: report };
  }

  private async write(
    resource: ImportResource,
    table: Table,
    commit: boolean,
    actor: SessionStaff,
    acceptDuplicates: boolean,
  ): Promise<Checked> {
    try {
      return await this.db.transaction(async (trx) => {
        const ctx = writeContext(trx, actor, { memo: new Map() });
        const { checked, accepted } = await this.checkRows(resource, table, ctx);
        if (!commit || checked.errors.length || (checked.warnings.length && !acceptDuplicates)) throw new Rollback(checked);
        await audit(trx, { staff_id: actor.id, action: 'create', resource: 'imports', details: { resource, rows: table.rows.length } });
        await this.services[resource].createMany(
          ctx,
          accepted.map((a) => a.data),
          INSERT_BATCH,
        );
        return checked;
      });
    } catch (err) {
      if (err instanceof Rollback) return err.checked;
      throw err;
    }
  }

  private async checkRows(resource: ImportResource, table: Table, ctx: WriteContext): Promise<{ checked: Checked; accepted: Accepted[] }> {
    const lookups = await loadLookups(ctx.trx, resource);
    const checked: Checked = { errors: [], warnings: [], preview: [], valid: 0 };
    const accepted: Accepted[] = [];
    let breath = performance.now();
    for (const row of table.rows) {
      // Checking thousands of rows is CPU work: let the server answer other requests meanwhile.
      if (performance.now() - breath > BREATHE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        breath = performance.now();
      }
      const { body, problems } = rowBody(table, row, lookups);
      const outcome = await this.tryValidate(resource, ctx, body);
      if ('refusal' in outcome) problems.push(...problemsFrom(outcome.refusal, row.row, table, body));
      else accepted.push({ row: row.row, data: outcome.data });
      checked.errors.push(...problems);
      if (!problems.length) checked.valid += 1;
      if (checked.preview.length < PREVIEW_ROWS) checked.preview.push({ row: row.row, ...body });
    }
    checked.warnings = await duplicateWarnings(ctx.trx, resource, accepted, table);
    return { checked, accepted };
  }

  private async tryValidate(
    resource: ImportResource,
    ctx: WriteContext,
    body: Record<string, unknown>,
  ): Promise<{ data: Record<string, unknown> } | { refusal: AppError }> {
    try {
      return { data: await this.services[resource].validateCreate(ctx, body) };
    } catch (err) {
      // Only the checks' own refusals belong to the row: a database error has ended the
      // transaction for every later row, so it ends the whole import (see run).
      if (!(err instanceof AppError || err instanceof z.ZodError)) throw err;
      return { refusal: toAppError(err) };
    }
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
type Person = { name: string; name_kana: string | null; phone: string | null; email: string | null };
const personOf = (data: Record<string, unknown>): Person => ({
  name: text(data.name) ?? '',
  name_kana: text(data.name_kana) ?? null,
  phone: text(data.phone) ?? null,
  email: text(data.email) ?? null,
});

/**
 * The form's duplicate warning for every accepted row, as if the rows were created one after
 * another: a row is compared with the people already registered (one batched look-up for the
 * file) and with the file's earlier accepted rows (in memory).
 */
async function duplicateWarnings(
  trx: Knex.Transaction,
  resource: ImportResource,
  accepted: Accepted[],
  table: Table,
): Promise<RowProblem[]> {
  const person = PEOPLE[resource];
  const inputs = accepted.map(({ data }) => ({
    name: text(data.name),
    name_kana: text(data.name_kana),
    phone: text(data.phone),
    email: text(data.email),
  }));
  const registered = await findDuplicatesMany(trx, person, inputs);
  const earlier = new DuplicateIndex<Person & { row: number }>();
  const warnings: RowProblem[] = [];
  accepted.forEach(({ row, data }, i) => {
    const inFile = earlier
      .matches(duplicateKeys(inputs[i]!), DUPLICATES_PER_ROW)
      .map(({ row: other, match }) => ({ who: `このファイルの ${other.row} 行目`, match }));
    const onRoster = registered[i]!.map((other) => ({
      who: `登録済みの ${String(other[person.numberColumn])}「${String(other.name)}」`,
      match: other.match,
    }));
    for (const { who, match } of [...onRoster, ...inFile].slice(0, DUPLICATES_PER_ROW)) {
      const reasons = match.map((m) => MATCHED[m]!.label).join('・');
      warnings.push({
        row,
        column: table.headerOf.get(MATCHED[match[0]!]!.field) ?? null,
        message: `${who}と${reasons}が同じです。同じ人ではないか確認してください。`,
      });
    }
    earlier.add({ ...personOf(data), row });
  });
  return warnings;
}

async function loadLookups(trx: Knex.Transaction, resource: ImportResource): Promise<Lookups> {
  const partners = new Map<string, number[]>();
  if (resource !== 'clients') return { partners };
  const rows: { id: number; name: string }[] = await trx('partners').select('id', 'name');
  for (const p of rows) {
    partners.set(lookupKey(p.name), [...(partners.get(lookupKey(p.name)) ?? []), p.id]);
  }
  return { partners };
}

/**
 * The API's field-keyed errors, re-addressed to the sheet's columns. `languages.1` names the
 * second value in the cell; when a field has both a whole-field and a per-value message, the
 * per-value one is the more precise.
 */
function problemsFrom(refusal: AppError, row: number, table: Table, body: Record<string, unknown>): RowProblem[] {
  const entries = Object.entries(refusal.errors ?? {});
  if (!entries.length) return [{ row, column: null, message: refusal.message }];
  const split = entries.map(([key, message]) => ({
    field: key.split('.')[0]!,
    index: /^\d+$/.test(key.split('.')[1] ?? '') ? Number(key.split('.')[1]) : undefined,
    message,
  }));
  const indexed = new Set(split.filter((e) => e.index !== undefined).map((e) => e.field));
  const seen = new Set<string>();
  const problems: RowProblem[] = [];
  for (const { field, index, message } of split) {
    if (index === undefined && indexed.has(field)) continue;
    const list = body[field];
    const item = index === undefined || !Array.isArray(list) ? undefined : list[index];
    const where = index === undefined ? '' : `${index + 1} 番目${typeof item === 'string' ? `「${item}」` : ''}: `;
    const problem = { row, column: table.headerOf.get(field) ?? null, message: where + message };
    const key = `${problem.column}\u0000${problem.message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  return problems;
}
