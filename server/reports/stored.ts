import type { Knex } from 'knex';
import { fiscalYearPeriod, monthPeriod, previousMonth, type Period } from '../domain/period.js';
import { AMOUNT_KEYS, COUNT_KEYS, computeFigures, DIMENSIONS, type Dimension, type PeriodFigures } from './figures.js';

/**
 * A period's figures kept in report_period_figures (migration 20261202000100): used while no
 * write the period can see has happened since they were computed, else computed again in one
 * snapshot and stored with it. Both checks are the database's (report_figures_valid).
 */

/** More invalidations than this, and the storing request prunes them (the daily job does too). */
const PRUNE_AFTER = 1000;

/** jsonb keeps its own key order; the report lists figures in computeFigures' order. */
function inOrder(f: PeriodFigures): PeriodFigures {
  const pick = <T>(o: Record<string, T>, keys: readonly string[]) =>
    Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k] as T]));
  return {
    counts: pick(f.counts, COUNT_KEYS),
    amounts: pick(f.amounts, AMOUNT_KEYS),
    breakdowns: pick(f.breakdowns, Object.keys(DIMENSIONS)) as Record<Dimension, { key: string; value: number }[]>,
    days: { median: f.days.median, p90: f.days.p90 },
    hours: f.hours,
    feedback_average: f.feedback_average,
  };
}

/** The stored figures of the period, when still valid. */
export async function readStored(db: Knex, p: Period): Promise<PeriodFigures | null> {
  const { rows } = await db.raw(
    `select f.figures from report_period_figures f
      where f.start_date = :start_date and f.end_date = :end_date and report_figures_valid(f)`,
    { start_date: p.start_date, end_date: p.end_date },
  );
  return rows[0] ? inOrder(rows[0].figures) : null;
}

export type Computed = { figures: PeriodFigures; snapshot: string };

/** Computes in one REPEATABLE READ transaction, so every figure and the recorded snapshot agree. */
export async function computeInSnapshot(db: Knex, p: Period): Promise<Computed> {
  return db.transaction(
    async (trx) => {
      const { rows } = await trx.raw('select pg_current_snapshot()::text as snapshot');
      return { snapshot: rows[0].snapshot as string, figures: await computeFigures(trx, p) };
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}

/**
 * Stores what was computed, unless figures of a newer snapshot are there already. Storing after
 * the computing transaction ended is safe: the row is judged by the snapshot it was computed in.
 */
export async function storeFigures(db: Knex, p: Period, { figures, snapshot }: Computed): Promise<void> {
  await db.raw(
    `insert into report_period_figures (start_date, end_date, figures, snapshot, computed_at)
     values (:start_date, :end_date, :figures::jsonb, :snapshot::pg_snapshot, now())
     on conflict (start_date, end_date) do update
       set figures = excluded.figures, snapshot = excluded.snapshot, computed_at = excluded.computed_at
       where pg_snapshot_xmax(excluded.snapshot) >= pg_snapshot_xmax(report_period_figures.snapshot)`,
    { start_date: p.start_date, end_date: p.end_date, figures: JSON.stringify(figures), snapshot },
  );
  const { rows } = await db.raw('select count(*) as n from (select 1 from report_invalidations limit :n) x', { n: PRUNE_AFTER + 1 });
  if (Number(rows[0].n) > PRUNE_AFTER) await pruneStored(db);
}

async function computeAndStore(db: Knex, p: Period): Promise<PeriodFigures> {
  const computed = await computeInSnapshot(db, p);
  await storeFigures(db, p, computed);
  return computed.figures;
}

/** Drops what no longer holds and the invalidations every later snapshot sees. */
export async function pruneStored(db: Knex): Promise<void> {
  await db.raw('select report_figures_prune()');
}

/** Computations in progress in this process, per database and period. */
const running = new WeakMap<Knex, Map<string, Promise<PeriodFigures>>>();

/**
 * The period's figures, stored or computed. Requests for a period already being computed here
 * wait for it and then read what it stored (still checked: a write may have come in between).
 */
export async function periodFigures(db: Knex, p: Period): Promise<PeriodFigures> {
  const stored = await readStored(db, p);
  if (stored) return stored;
  const mine = running.get(db) ?? new Map<string, Promise<PeriodFigures>>();
  running.set(db, mine);
  const key = `${p.start_date}/${p.end_date}`;
  const other = mine.get(key);
  if (other) {
    await other.catch(() => undefined);
    const after = await readStored(db, p);
    if (after) return after;
  }
  const job = computeAndStore(db, p);
  mine.set(key, job);
  try {
    return await job;
  } finally {
    if (mine.get(key) === job) mine.delete(key);
  }
}

/** The daily job: prunes, then computes last month and the current fiscal year ahead of the first reader. */
export async function warmStored(db: Knex, periods: Period[]): Promise<void> {
  await pruneStored(db);
  for (const p of periods) await periodFigures(db, p);
}

/** Last month and the fiscal year (April–March) that `asOf` (YYYY-MM-DD, Japan time) falls in. */
export function periodsToWarm(asOf: string): Period[] {
  const [y = 0, m = 0] = asOf.split('-').map(Number);
  return [monthPeriod(previousMonth(asOf.slice(0, 7))), fiscalYearPeriod(m >= 4 ? y : y - 1)];
}
