import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Response } from 'express';
import type { Knex } from 'knex';
import iconv from 'iconv-lite';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { COUNTRY_CODES, countryName, LANGUAGE_CODES, languageName } from '../domain/iso.js';
import { ENUMS } from '../domain/enums.js';
import { enumLabel, YES_NO, type Lang } from '../domain/labels.js';
import type { ExportColumn } from './columns.js';
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
      return map || values ? named(`${c}::text`) : `csv_neutralise(${c}::text)`;
  }
}

const CRLF = Buffer.from('\r\n');
const QUOTE = 0x22;
const LF = 0x0a;

/**
 * Excel's CRLF between records. COPY writes LF; a line break inside a quoted cell stays as it
 * is, as Node's writer leaves it. Works on bytes: in UTF-8 no byte of a multi-byte character
 * is a quote or a line feed, and quote parity is carried across chunks.
 */
export function excelLines() {
  let quoted = false;
  return new Transform({
    transform: (chunk: Buffer, _e, done) => {
      const parts: Buffer[] = [];
      let from = 0;
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
          parts.push(chunk.subarray(from, lf), CRLF);
          from = lf + 1;
        }
        lf = chunk.indexOf(LF, lf + 1);
      }
      for (; quote !== -1; quote = chunk.indexOf(QUOTE, quote + 1)) quoted = !quoted;
      parts.push(chunk.subarray(from));
      done(null, Buffer.concat(parts));
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

/**
 * PostgreSQL writes the CSV itself (COPY … TO STDOUT) and Node only passes it on: about ten
 * times the rows per second of formatting in Node. The SQL comes from the same filters and
 * column definitions as the cursor path, with every value inlined by Knex.
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
  // Before taking the connection the COPY holds: writing it meanwhile would need a second one,
  // and ten exports at once would then wait on each other for the whole pool.
  await beforeCopy();
  const client: PoolClient & { __knex__disposed?: unknown } = await db.client.acquireConnection();
  let finished = false;
  try {
    // Japan time and ISO dates for this transaction only; the pooled connection keeps its own.
    await client.query("begin read only; set local timezone = 'Asia/Tokyo'; set local datestyle = 'ISO, YMD'");
    const source = client.query(copyTo(`copy (${select}) to stdout with (format csv)`));
    // The database refuses a query (a value it cannot read) before its first row: wait for that
    // row, or the end, so such a refusal is still an error response rather than a cut download.
    await firstChunk(source);
    csvHeaders(res, file, encoding);
    const head = `${encoding === 'utf-8' ? '\uFEFF' : ''}${header.map((h) => (/[",\r\n]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h)).join(',')}\r\n`;
    res.write(encoding === 'shift_jis' ? iconv.encode(head, 'cp932') : head);
    const stages = [source, excelLines(), ...(encoding === 'shift_jis' ? toShiftJis() : []), res];
    await pipeline(stages);
    await client.query('commit');
    finished = true;
  } finally {
    // A COPY cut off half-way (the download was cancelled) leaves the connection mid-protocol:
    // its socket is closed, which ends the query in PostgreSQL too, and the pool replaces it.
    if (!finished) {
      client.__knex__disposed = 'CSV export cancelled by the client; connection closed';
      client.connection.stream.destroy();
    }
    await db.client.releaseConnection(client);
  }
}
