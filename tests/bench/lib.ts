import type { Express } from 'express';
import type pg from 'pg';
import request from 'supertest';
import type { Db } from '../../server/db/index.js';
import type { Role } from '../../server/domain/enums.js';
import { createStaff, TEST_PASSWORD } from '../helpers/factories.js';
import type { DataSummary } from './data.js';

/** What every benchmark gets: the migrated, filled database, the app on it, a raw client for EXPLAIN. */
export type BenchContext = {
  db: Db;
  app: Express;
  url: string;
  pg: pg.Client;
  scale: number;
  data: DataSummary;
};

/** One row of the results table, plus lines of detail printed under it. */
export type BenchResult = {
  name: string;
  what: string;
  data: string;
  figures: string;
  goal: string;
  met: 'yes' | 'no' | 'n/a';
  details: string[];
};

export const log = (...args: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const fmtMs = (v: number) => (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
export const fmtInt = (v: number) => Math.round(v).toLocaleString('en-US');
export const fmtMb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

export function summary(samples: number[]): string {
  return `p50 ${fmtMs(percentile(samples, 50))}, p95 ${fmtMs(percentile(samples, 95))}, max ${fmtMs(Math.max(...samples))} (n=${samples.length})`;
}

/** A supertest agent signed in as a new staff member of that role, as the tests do. */
export async function loginAgent(ctx: BenchContext, role: Role) {
  const staff = await createStaff(ctx.db.knex, { role });
  const agent = request.agent(ctx.app);
  const res = await agent.post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { agent, staff };
}

export type CapturedQuery = { sql: string; bindings: unknown[] };

/** The SQL statements Knex sends while fn runs (session look-ups included; filter them yourself). */
export async function captureQueries(ctx: BenchContext, fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const seen: CapturedQuery[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
  ctx.db.knex.on('query', listener);
  try {
    await fn();
  } finally {
    ctx.db.knex.removeListener('query', listener);
  }
  return seen;
}

/** EXPLAIN (or EXPLAIN ANALYZE) of a captured statement, as text lines. */
export async function explain(ctx: BenchContext, q: CapturedQuery, analyze = false): Promise<string[]> {
  const prefix = analyze ? 'explain (analyze, buffers)' : 'explain';
  const { rows } = await ctx.pg.query(`${prefix} ${q.sql}`, q.bindings as unknown[]);
  return rows.map((r: Record<string, string>) => r['QUERY PLAN']!);
}

export const executionMs = (plan: string[]) => Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? NaN);
