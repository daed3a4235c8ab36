import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'shift_jis';

/** An attachment with a dated name, in the encoding Excel will be told about. */
export function csvHeaders(res: Response, file: string, encoding: CsvEncoding): void {
  res.status(200);
  res.set('Content-Type', `text/csv; charset=${encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8'}`);
  res.set('Content-Disposition', `attachment; filename="${file}"; filename*=UTF-8''${encodeURIComponent(file)}`);
  res.set('Cache-Control', 'no-store');
}

/**
 * Streams rows to the response as CSV: UTF-8 with a BOM so Excel in Japan detects it, or
 * Shift_JIS (Windows-31J) for older Excel. Rows are pulled as the client reads, so memory
 * stays flat however long the file.
 */
export async function sendCsv(res: Response, file: string, header: string[], rows: AsyncIterable<unknown[]>, encoding: CsvEncoding) {
  csvHeaders(res, file, encoding);
  const csv = stringify({ bom: encoding === 'utf-8', record_delimiter: 'windows' });
  const source = async function* () {
    yield header;
    yield* rows;
  };
  const stages: (Readable | NodeJS.ReadWriteStream)[] = [Readable.from(source()), csv];
  if (encoding === 'shift_jis') {
    // csv-stringify emits whole records, so no character is ever split across chunks here.
    stages.push(new Transform({ transform: (chunk: Buffer | string, _enc, done) => done(null, iconv.encode(chunk.toString(), 'cp932')) }));
  }
  await pipeline([...stages, res]);
}
