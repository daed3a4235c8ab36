/**
 * The load generator, run as a child process by `throughApi` (tests/bench/lib.ts) so that the
 * API server's event loop is its own: autocannon against the given paths, each connection
 * taking the next path in turn. Every response's latency is kept, so p50 and p95 are exact.
 * Options come as one JSON argument; the result goes back by IPC (process.send).
 */
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';

export type LoadOptions = { base: string; paths: string[]; cookie: string; connections: number; seconds: number };
export type LoadResult = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
};

const nearestRank = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : NaN;

async function main() {
  const o = JSON.parse(process.argv[2]!) as LoadOptions;
  let next = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: o.base,
    connections: o.connections,
    duration: o.seconds,
    headers: { cookie: o.cookie },
    // A slow answer is measured, not dropped: autocannon's default gives up after 10 s.
    timeout: 120,
    requests: [{ setupRequest: (req) => ({ ...req, path: o.paths[next++ % o.paths.length] }) }],
  }) as unknown as Promise<autocannon.Result> & EventEmitter; // the tracker is both
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const out: LoadResult = {
    requests: latencies.length,
    rps: latencies.length / o.seconds,
    p50: nearestRank(latencies, 50),
    p95: nearestRank(latencies, 95),
    max: latencies.at(-1) ?? NaN,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  };
  process.send!(out, () => process.exit(0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
