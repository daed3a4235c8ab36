import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, unlinkSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import iconv from 'iconv-lite';
import { csvHeaders, type CsvEncoding } from './csv-stream.js';

/**
 * On PGlite an export is written in full to a private temporary file at the database's pace,
 * then sent from the file: a client that reads slowly (or not at all) holds a file, never the
 * single database connection that every other request needs.
 */

const live = new Set<string>();
let exitHook = false;

function track(file: string) {
  live.add(file);
  if (!exitHook) {
    exitHook = true;
    // However the process ends (short of kill -9), no resident's data stays behind in a temp file.
    process.on('exit', () => {
      for (const f of live) {
        try {
          unlinkSync(f);
        } catch {
          // Already gone.
        }
      }
    });
  }
}

export async function discardSpooled(file: string) {
  await rm(file, { force: true });
  live.delete(file);
}

export const defaultSpoolDir = () => path.join(tmpdir(), 'spot-otonari-exports');

/**
 * Writes header and rows as CSV (UTF-8 with a BOM, or Shift_JIS) to a new file in dir, readable
 * by this user only. An aborted signal (the client left) stops the rows and removes the file.
 */
export async function spoolCsv(
  dir: string,
  header: string[],
  rows: AsyncIterable<unknown[]>,
  encoding: CsvEncoding,
  signal: AbortSignal,
): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `export-${randomUUID()}.csv`);
  track(file);
  try {
    const source = async function* () {
      yield header;
      yield* rows;
    };
    const stages: (Readable | NodeJS.ReadWriteStream | NodeJS.WritableStream)[] = [
      Readable.from(source()),
      stringify({ bom: encoding === 'utf-8', record_delimiter: 'windows' }),
    ];
    // csv-stringify emits whole records, so no character is ever split across chunks here.
    if (encoding === 'shift_jis')
      stages.push(
        new Transform({ transform: (chunk: Buffer | string, _enc, done) => done(null, iconv.encode(chunk.toString(), 'cp932')) }),
      );
    stages.push(createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    await pipeline(stages, { signal });
    return file;
  } catch (err) {
    await discardSpooled(file);
    throw err;
  }
}

/** Sends a spooled file as the CSV attachment and removes it, whether or not the client read it all. */
export async function sendSpooled(res: Response, spooled: string, name: string, encoding: CsvEncoding): Promise<void> {
  try {
    const { size } = await stat(spooled);
    csvHeaders(res, name, encoding);
    res.set('Content-Length', String(size));
    await pipeline(createReadStream(spooled), res);
  } finally {
    await discardSpooled(spooled);
  }
}

/** Removes what a previous process left in dir (it was killed mid-export). */
export async function clearSpoolDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
