import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';

/**
 * The rows of a `COPY … TO STDOUT`, read by a thread of its own on a connection of its own and
 * handed over in blocks of about a megabyte.
 *
 * Why a thread: read on the server's own event loop, a COPY gets one socket read (64 KB) per
 * turn of the loop, and every staff member's request takes turns with it; with ten people
 * browsing, an export crawled at a few MB/s. The thread reads at the database's pace, and the
 * main loop only passes large blocks on to the download.
 *
 * The thread is plain JavaScript (evaluated, so it runs the same under tsx, vitest and node),
 * loading `pg` and `pg-copy-streams` from where this module finds them.
 */
const here = createRequire(import.meta.url);
const MODULES = { pg: here.resolve('pg'), copyStreams: here.resolve('pg-copy-streams') };

const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const pg = require(workerData.modules.pg);
const { to: copyTo } = require(workerData.modules.copyStreams);
const BLOCK = 1 << 20;
const c = workerData.connection;
const client = new pg.Client(typeof c === 'string' ? { connectionString: c } : c);
let source;
let parts = [];
let size = 0;
let paused = false;
const flush = () => {
  if (!size) return;
  const block = Buffer.concat(parts, size);
  parts = [];
  size = 0;
  const own = block.byteOffset === 0 && block.byteLength === block.buffer.byteLength;
  parentPort.postMessage({ data: block }, own ? [block.buffer] : []);
};
parentPort.on('message', (m) => {
  if (m === 'pause') { paused = true; source && source.pause(); }
  else if (m === 'resume') { paused = false; source && source.resume(); }
});
const fail = (err) => parentPort.postMessage({ error: { message: err.message, code: err.code, severity: err.severity } });
(async () => {
  await client.connect();
  await client.query(workerData.setup);
  source = client.query(copyTo(workerData.copy));
  if (paused) source.pause();
  source.on('data', (chunk) => {
    parts.push(chunk);
    size += chunk.length;
    if (size >= BLOCK) flush();
  });
  await new Promise((resolve, reject) => {
    source.on('end', resolve);
    source.on('error', reject);
  });
  flush();
  await client.query('commit');
  await client.end();
  parentPort.postMessage({ end: true });
})().catch(fail);
`;

/** An error the database sent, as the pool's driver would have thrown it (code, severity). */
class CopyError extends Error {
  code?: string;
  severity?: string;
}

/**
 * A readable stream of the CSV PostgreSQL writes for `copy` (run after `setup` in the same
 * session). Destroying the stream ends the thread, which closes its connection and so ends the
 * COPY in PostgreSQL too.
 */
export function copyInThread(connection: string | Record<string, unknown>, setup: string, copy: string): Readable {
  const worker = new Worker(THREAD, { eval: true, workerData: { modules: MODULES, connection, setup, copy } });
  let ended = false;
  const stream = new Readable({
    highWaterMark: 4 << 20,
    read: () => worker.postMessage('resume'),
    destroy: (err, done) => {
      worker.removeAllListeners('message');
      if (ended) return done(err);
      void worker.terminate().then(
        () => done(err),
        () => done(err),
      );
    },
  });
  worker.on('message', (m: { data?: Uint8Array; end?: true; error?: { message: string; code?: string; severity?: string } }) => {
    if (m.data) {
      if (!stream.push(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength))) worker.postMessage('pause');
    } else if (m.end) {
      ended = true;
      stream.push(null);
      void worker.terminate();
    } else if (m.error) {
      const err = new CopyError(m.error.message);
      err.code = m.error.code;
      err.severity = m.error.severity;
      stream.destroy(err);
    }
  });
  worker.on('error', (err) => stream.destroy(err));
  return stream;
}
