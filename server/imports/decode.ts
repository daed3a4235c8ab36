import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export type RowProblem = { row: number | null; column: string | null; message: string };

/** The file as a whole cannot be read; nothing row by row is worth reporting. */
export class ImportFileError extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(problems[0]?.message ?? 'ファイルを読めません。');
  }
}

const fileError = (message: string, row: number | null = null) => new ImportFileError([{ row, column: null, message }]);

const NOT_CSV = 'CSV ファイルとして読めません。Excel では「CSV UTF-8 (コンマ区切り)」か「CSV (コンマ区切り)」で保存してください。';
// C0 controls other than tab, CR and LF never occur in a spreadsheet's text.
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

/**
 * Excel saves "CSV UTF-8" with a BOM and plain "CSV" in Shift_JIS (really cp932, with its
 * Windows extensions such as 髙 and ①); other tools write UTF-8 without a BOM.
 */
export function decodeCsv(bytes: Buffer): string {
  if (bytes.length === 0) throw fileError('ファイルが空です。');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(utf8(bytes.subarray(3)));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileError('UTF-16 のファイルには対応していません。「CSV UTF-8 (コンマ区切り)」で保存し直してください。');
  }
  if (bytes.includes(0)) throw fileError(NOT_CSV);
  return checked(utf8(bytes) ?? iconv.decode(bytes, 'cp932'));
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function checked(text: string | undefined): string {
  if (text === undefined || text.includes('\uFFFD')) throw fileError('文字コードを判別できません。UTF-8 か Shift_JIS で保存してください。');
  if (CONTROL.test(text)) throw fileError(NOT_CSV);
  return text;
}

/** Records as Excel numbers its rows: blank lines are kept so row numbers match the sheet. */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false, bom: false });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = 'lines' in err && typeof err.lines === 'number' ? err.lines : undefined;
    throw fileError(`${line ? `${line} 行目付近: ` : ''}CSV として読めません。引用符 (") の対応を確認してください。`, line ?? null);
  }
}
