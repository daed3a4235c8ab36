import type { Knex } from 'knex';
import type { SessionStaff } from '../auth/session-store.js';
import { audit } from '../http/audit.js';
import type { ResourceService } from '../http/crud.js';
import { toAppError } from '../http/error-handler.js';
import type { AppError } from '../http/errors.js';
import { findDuplicates, PEOPLE } from '../http/duplicates.js';
import type { Row, WriteContext } from '../http/resource.js';
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

type Checked = { errors: RowProblem[]; warnings: RowProblem[]; preview: Record<string, unknown>[]; valid: number };

const MATCHED: Record<string, { field: string; label: string }> = {
  phone: { field: 'phone', label: '電話番号' },
  email: { field: 'email', label: 'メールアドレス' },
  name: { field: 'name_kana', label: '氏名とフリガナ' },
};

/** Thrown to roll back a transaction whose work was only a rehearsal, carrying what it found. */
class Rollback extends Error {
  constructor(readonly checked: Checked) {
    super('import rolled back');
  }
}

const refused = (report: ImportReport, message: string): ImportOutcome => ({ status: 400, body: { error: 'validation', message, ...report } });

/**
 * Every row goes through the API's own create (schema, rules, numbering, audit) inside one
 * transaction, each in its own savepoint so one bad row does not hide the next one's problems.
 * A dry run, or a file with any problem, is rolled back whole.
 */
export class ImportService {
  constructor(
    private readonly db: Knex,
    private readonly services: Record<ImportResource, ResourceService>,
  ) {}

  async run(resource: ImportResource, file: Buffer, dryRun: boolean, actor: SessionStaff): Promise<ImportOutcome> {
    let table: Table;
    try {
      table = readTable(resource, parseCsv(decodeCsv(file)));
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      return refused({ dry_run: dryRun, total_rows: 0, valid_rows: 0, errors: err.problems, warnings: [], preview: [], created: 0 }, err.message);
    }
    const checked = await this.write(resource, table, !dryRun, actor);
    const committed = !dryRun && !checked.errors.length;
    const report = {
      dry_run: dryRun,
      total_rows: table.rows.length,
      valid_rows: checked.valid,
      errors: checked.errors,
      warnings: checked.warnings,
      preview: checked.preview,
      created: committed ? table.rows.length : 0,
    };
    if (dryRun) return { status: 200, body: report };
    if (!committed) {
      const badRows = new Set(checked.errors.map((e) => e.row)).size;
      return refused(report, `${badRows} 行に誤りがあるため、1 件も取り込んでいません。すべて直してから、もう一度取り込んでください。`);
    }
    return { status: 201, body: report };
  }

  private async write(resource: ImportResource, table: Table, commit: boolean, actor: SessionStaff): Promise<Checked> {
    try {
      return await this.db.transaction(async (trx) => {
        const checked = await this.createRows(resource, table, { trx, actor });
        if (!commit || checked.errors.length) throw new Rollback(checked);
        await audit(trx, { staff_id: actor.id, action: 'create', resource: 'imports', details: { resource, rows: table.rows.length } });
        return checked;
      });
    } catch (err) {
      if (err instanceof Rollback) return err.checked;
      throw err;
    }
  }

  private async createRows(resource: ImportResource, table: Table, ctx: WriteContext): Promise<Checked> {
    const lookups = await loadLookups(ctx.trx, resource);
    const checked: Checked = { errors: [], warnings: [], preview: [], valid: 0 };
    const rowOfId = new Map<unknown, number>();
    for (const row of table.rows) {
      const { body, problems } = rowBody(table, row, lookups);
      const outcome = await this.tryCreate(resource, ctx, body);
      if ('refusal' in outcome) problems.push(...problemsFrom(outcome.refusal, row.row, table, body));
      else {
        rowOfId.set(outcome.created.id, row.row);
        checked.warnings.push(...(await duplicateWarnings(ctx.trx, resource, outcome.created, row.row, table, rowOfId)));
      }
      checked.errors.push(...problems);
      if (!problems.length) checked.valid += 1;
      if (checked.preview.length < PREVIEW_ROWS) checked.preview.push({ row: row.row, ...body });
    }
    return checked;
  }

  private async tryCreate(resource: ImportResource, ctx: WriteContext, body: Record<string, unknown>): Promise<{ created: Row } | { refusal: AppError }> {
    try {
      return { created: await ctx.trx.transaction((savepoint) => this.services[resource].createWithin({ trx: savepoint, actor: ctx.actor }, body)) };
    } catch (err) {
      const refusal = toAppError(err);
      if (refusal.status >= 500) throw err;
      return { refusal };
    }
  }
}

/**
 * The same check as the form's warning, for a row just created: earlier rows of the file are
 * already in the transaction, so a person listed twice is found as well as one on the roster.
 */
async function duplicateWarnings(trx: Knex.Transaction, resource: ImportResource, created: Row, row: number, table: Table, rowOfId: Map<unknown, number>): Promise<RowProblem[]> {
  const person = PEOPLE[resource];
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const found = await findDuplicates(trx, person, {
    name: text(created.name),
    name_kana: text(created.name_kana),
    phone: text(created.phone),
    email: text(created.email),
    exclude_id: created.id as number,
  });
  return found.map((other) => {
    const reasons = other.match.map((m) => MATCHED[m]!.label).join('・');
    const earlier = rowOfId.get(other.id);
    const who = earlier !== undefined ? `このファイルの ${earlier} 行目` : `登録済みの ${String(other[person.numberColumn])}「${String(other.name)}」`;
    return { row, column: table.headerOf.get(MATCHED[other.match[0]!]!.field) ?? null, message: `${who}と${reasons}が同じです。同じ人ではないか確認してください。` };
  });
}

async function loadLookups(trx: Knex.Transaction, resource: ImportResource): Promise<Lookups> {
  const partners = new Map<string, number[]>();
  if (resource !== 'clients') return { partners };
  for (const p of (await trx('partners').select('id', 'name')) as { id: number; name: string }[]) {
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
  const split = entries.map(([key, message]) => ({ field: key.split('.')[0]!, index: /^\d+$/.test(key.split('.')[1] ?? '') ? Number(key.split('.')[1]) : undefined, message }));
  const indexed = new Set(split.filter((e) => e.index !== undefined).map((e) => e.field));
  const seen = new Set<string>();
  const problems: RowProblem[] = [];
  for (const { field, index, message } of split) {
    if (index === undefined && indexed.has(field)) continue;
    const item = index === undefined ? undefined : (body[field] as unknown[] | undefined)?.[index];
    const where = index === undefined ? '' : `${index + 1} 番目${typeof item === 'string' ? `「${item}」` : ''}: `;
    const problem = { row, column: table.headerOf.get(field) ?? null, message: where + message };
    const key = `${problem.column}\u0000${problem.message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  return problems;
}
