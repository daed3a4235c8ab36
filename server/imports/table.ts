import { convertCell, type Lookups } from './cells.js';
import { columnForHeader, IMPORT_COLUMNS, type ImportColumn, type ImportResource } from './columns.js';
import { ImportFileError, type RowProblem } from './decode.js';

/** A parsed sheet: which column each header means, and the data rows with Excel's row numbers. */
export type DataRow = { row: number; cells: string[] };
export type Table = {
  headers: string[];
  columns: (ImportColumn | undefined)[];
  rows: DataRow[];
  /** The header as the user wrote it, by API field, so errors name the sheet's own column. */
  headerOf: Map<string, string>;
};

// Rosters are hundreds of people; a cap bounds the report and the inserts done while the numbering counter is held.
export const MAX_ROWS = 5000;

const blank = (cell: string) => cell.trim() === '';
const fileError = (message: string, row: number | null = null) => new ImportFileError([{ row, column: null, message }]);

export function readTable(resource: ImportResource, records: string[][]): Table {
  const [header, ...body] = records;
  if (!header || header.every(blank))
    throw fileError(records.length ? '1 行目に見出し (列名) がありません。' : 'ファイルが空です。', records.length ? 1 : null);
  const headers = header.map((h) => h.trim());
  const columns = headers.map((h) => (h ? columnForHeader(resource, h) : undefined));
  const problems = headerProblems(resource, headers, columns);
  if (problems.length) throw new ImportFileError(problems);
  const rows = body.map((cells, i) => ({ row: i + 2, cells })).filter((r) => !r.cells.every(blank));
  if (!rows.length) throw fileError('データの行がありません。2 行目から 1 人 1 行で入力してください。');
  if (rows.length > MAX_ROWS) throw fileError(`一度に取り込めるのは ${MAX_ROWS} 行までです。ファイルを分けてください。`);
  const headerOf = new Map(columns.flatMap((c, i) => (c ? [[c.field, headers[i]!] as const] : [])));
  return { headers, columns, rows, headerOf };
}

function headerProblems(resource: ImportResource, headers: string[], columns: (ImportColumn | undefined)[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const seen = new Map<string, string>();
  headers.forEach((header, i) => {
    if (!header) return;
    const column = columns[i];
    if (!column) {
      const known = IMPORT_COLUMNS[resource].map((c) => c.ja).join('、');
      problems.push({ row: 1, column: header, message: `「${header}」という列は取り込めません。使える列: ${known}` });
      return;
    }
    const earlier = seen.get(column.field);
    if (earlier)
      problems.push({ row: 1, column: header, message: `「${header}」は「${earlier}」と同じ項目です。どちらか一方にしてください。` });
    seen.set(column.field, header);
  });
  for (const column of IMPORT_COLUMNS[resource]) {
    if (column.required && !seen.has(column.field))
      problems.push({ row: 1, column: null, message: `必須の列「${column.ja}」(${column.en}) がありません。` });
  }
  return problems;
}

/** One row as the API body it stands for, and the cells that could not become one. */
export function rowBody(
  table: Table,
  { row, cells }: DataRow,
  lookups: Lookups,
): { body: Record<string, unknown>; problems: RowProblem[] } {
  const body: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  cells.forEach((raw, i) => {
    const column = table.columns[i];
    if (!column) {
      // A value under no header would otherwise vanish without anyone noticing.
      if (!blank(raw)) problems.push({ row, column: null, message: `${i + 1} 列目に値がありますが、見出しがありません。` });
      return;
    }
    const cell = convertCell(column.kind, raw, lookups);
    if (!cell) return;
    if ('error' in cell) problems.push({ row, column: table.headers[i]!, message: cell.error });
    else body[column.field] = cell.value;
  });
  return { body, problems };
}
