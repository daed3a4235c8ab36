import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Response } from 'express';
import type { Knex } from 'knex';
import iconv from 'iconv-lite';
import { AppError } from '../core/errors.js';
import { COUNTRY_CODES, countryName, LANGUAGE_CODES, languageName } from '../domain/iso.js';
import { ENUMS } from '../domain/enums.js';
import { enumLabel, YES_NO, type Lang } from '../domain/labels.js';
import type { ExportColumn } from './columns.js';
import { copyInThread } from './copy-thread.js';
import { csvHeaders, type CsvEncoding } from './csv-stream.js';

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** The enumerations by name, for a column that names one in a string. */
const ENUM_VALUES: Readonly<Record<string, readonly string[] | undefined>> = ENUMS;
const jsonMap = (entries: [string, string][]) => `${literal(JSON.stringify(Object.fromEntries(entries)))}::jsonb`;

function mapFor(col: ExportColumn, lang: Lang): string | undefined {
  if (col.kind === 'languages') return jsonMap(LANGUAGE_CODES.map((c) => [c, languageName(c, lang)]));
  if (col.kind === 'country') return jsonMap(COUNTRY_CODES.map((c) => [c, countryName(c, lang)]));
  return undefined;
}

/** The SQL that writes one cell exactly as formatValue() does in Node. */
export function cellSql(table: string, col: ExportColumn, lang: Lang): string {
  const c = col.sql ? `(${col.sql(table, lang)})` : `${table}.${col.field}`;
  const sep = literal(lang === 'ja' ? '、' : ', ');
  const map = mapFor(col, lang);
  // A handful of enumeration values: a CASE; hundreds of language or country codes: a jsonb map.
  const values = col.enum ? ENUM_VALUES[col.enum] : undefined;
  const named = (x: string) =>
    values
      ? `case ${x} ${values.map((v) => `when ${literal(v)} then ${literal(enumLabel(col.enum!, v, lang))}`).join(' ')} else ${x} end`
      : map
        ? `coalesce(${map} ->> ${x}, ${x})`
        : x;
  switch (col.kind) {
    case 'number':
      return c;
    case 'datetime':
      // The session's time zone is Japan's and its date style ISO (see copyCsv), so the text of
      // a timestamptz starts 'YYYY-MM-DD HH:MI': about a third of the cost of to_char().
      return `left(${c}::text, 16)`;
    case 'date':
      return `${c}::text`;
    case 'bool':
      return `case when ${c} then ${literal(YES_NO[lang][0])} when not ${c} then ${literal(YES_NO[lang][1])} end`;
    case 'languages':
    case 'list': {
      if (col.field === 'language') return named(c);
      const joined = `array_to_string(array(select ${named('x')} from unnest(${c}) with ordinality u(x, o) order by o), ${sep})`;
      return map || values ? joined : `csv_neutralise(${joined})`;
    }
    default:
      // Names of codes are our own labels and never look like formulas; free text is guarded.
      if (map || values) return named(`${c}::text`);
      // A looked-up value is guarded inside its sub-select: PostgreSQL inlines csv_neutralise
      // only for a plain column, and called per row instead it cost the export a third of its speed.
      if (col.sql && /^\s*select\b/i.test(col.sql(table, lang)))
        return `(select csv_neutralise(s.v::text) from (${col.sql(table, lang)}) s(v))`;
      return `csv_neutralise(${c}::text)`;
  }
}

const CR = 0x0d;
const QUOTE = 0x22;
const LF = 0x0a;

/**
 * Excel's CRLF between records. COPY writes LF; a line break inside a quoted cell stays as it
 * is, as Node's writer leaves it. Works on bytes: in UTF-8 no byte of a multi-byte character
 * is a quote or a line feed, and quote parity is carried across chunks.
 */
export function excelLines() {
  let quoted = false;
  // The record ends of a chunk, reused: one pass finds them, a second copies around them.
  let ends = new Int32Array(4096);
  return new Transform({
    transform: (chunk: Buffer, _e, done) => {
      let count = 0;
      let quote = chunk.indexOf(QUOTE);
      let lf = chunk.indexOf(LF);
      // Jump between quotes and line feeds with indexOf (native) instead of visiting every byte.
      while (lf !== -1) {
        if (quote !== -1 && quote < lf) {
          quoted = !quoted;
          quote = chunk.indexOf(QUOTE, quote + 1);
          continue;
        }
        if (!quoted) {
          if (count === ends.length) {
            const more = new Int32Array(ends.length * 2);
            more.set(ends);
            ends = more;
          }
          ends[count++] = lf;
        }
        lf = chunk.indexOf(LF, lf + 1);
      }
      for (; quote !== -1; quote = chunk.indexOf(QUOTE, quote + 1)) quoted = !quoted;
      if (count === 0) return done(null, chunk);
      // One buffer for the chunk and its added CRs, filled by native copies: no object per record.
      const out = Buffer.allocUnsafe(chunk.length + count);
      let from = 0;
      let at = 0;
      for (let i = 0; i < count; i++) {
        const end = ends[i]!;
        at += chunk.copy(out, at, from, end);
        out[at++] = CR;
        out[at++] = LF;
        from = end + 1;
      }
      chunk.copy(out, at, from);
      done(null, out);
    },
  });
}

/** UTF-8 to Windows-31J; decodeStream keeps characters whole across chunk edges. */
const toShiftJis = () => [
  iconv.decodeStream('utf8'),
  new Transform({ decodeStrings: false, transform: (s: string, _e, done) => done(null, iconv.encode(s, 'cp932')) }),
];

/** Resolves when the stream has data or has ended, rejects on its error; leaves the data unread. */
function firstChunk(stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      stream.off('readable', ready);
      stream.off('error', done);
      if (err) reject(err);
      else resolve();
    };
    const ready = () => done();
    stream.once('readable', ready);
    stream.once('error', done);
  });
}

/** Exports running at once in this process (each a thread and a database connection of its own). */
export const MAX_EXPORTS_AT_ONCE = 4;
let running = 0;

/**
 * PostgreSQL writes the CSV itself (COPY … TO STDOUT) and Node only passes it on: about ten
 * times the rows per second of formatting in Node. The SQL comes from the same filters and
 * column definitions as the cursor path, with every value inlined by Knex. The COPY is read by
 * a thread on its own connection (see copy-thread.ts), outside the pool the lists use, so an
 * export neither waits behind people browsing nor makes them wait; at most
 * MAX_EXPORTS_AT_ONCE run at once, a further one is told to retry (503).
 */
export async function copyCsv(
  db: Knex,
  res: Response,
  file: string,
  header: string[],
  select: string,
  encoding: CsvEncoding,
  beforeCopy: () => Promise<unknown> = async () => undefined,
) {
  if (running >= MAX_EXPORTS_AT_ONCE) throw new AppError('unavailable', 'db.busy');
  running++;
  try {
    await beforeCopy();
    const connection = (db.client as { config: { connection: string | Record<string, unknown> } }).config.connection;
    // Japan time and ISO dates, for this read-only transaction only.
    const source = copyInThread(
      connection,
      "begin read only; set local timezone = 'Asia/Tokyo'; set local datestyle = 'ISO, YMD'; set local jit = off",
      `copy (${select}) to stdout with (format csv)`,
    );
    try {
      // The database refuses a query (a value it cannot read) before its first row: wait for that
      // row, or the end, so such a refusal is still an error response rather than a cut download.
      await firstChunk(source);
      csvHeaders(res, file, encoding);
      const head = `${encoding === 'utf-8' ? '\uFEFF' : ''}${header.map((h) => (/[",\r\n]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h)).join(',')}\r\n`;
      res.write(encoding === 'shift_jis' ? iconv.encode(head, 'cp932') : head);
      await pipeline([source, excelLines(), ...(encoding === 'shift_jis' ? toShiftJis() : []), res]);
    } finally {
      // A download cancelled half-way ends the thread, whose closed connection ends the COPY.
      source.destroy();
    }
  } finally {
    running--;
  }
}
