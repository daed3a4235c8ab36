import type { Knex } from 'knex';
import type { Period } from '../domain/period.js';

/** Grouped counts of the requests received in the period, one dimension each. */
export const DIMENSIONS = {
  channel: 'r.channel',
  category: 'r.category',
  task_type: 'r.task_type',
  mode: 'r.mode',
  language: 'r.language',
  nationality: 'c.nationality',
  municipality: 'r.municipality_code',
} as const;
export type Dimension = keyof typeof DIMENSIONS;

export type Figures = {
  counts: Record<string, number>;
  amounts: Record<string, number>;
  breakdowns: Record<Dimension, { key: string; value: number }[]>;
};

/** One value per dimension, computed one after the other in the order DIMENSIONS lists them. */
export async function perDimension<T>(compute: (dim: Dimension) => Promise<T> | T): Promise<Record<Dimension, T>> {
  return {
    channel: await compute('channel'),
    category: await compute('category'),
    task_type: await compute('task_type'),
    mode: await compute('mode'),
    language: await compute('language'),
    nationality: await compute('nationality'),
    municipality: await compute('municipality'),
  };
}

const num = (v: unknown) => (v == null ? 0 : Number(v));

/**
 * The requests received in the period, from the monthly counts the database keeps
 * (report_month_counts, migration 20261201002300): received, by status, matched, new residents
 * and every breakdown, summed over the period's months. Residents are counted from the records
 * (distinct people do not add up across months), through the received_at index.
 */
async function fromMonthCounts(db: Knex, p: Period) {
  const { rows } = await db.raw(
    `select dimension, key, sum(n)::bigint as n from report_month_counts
      where month >= :start_date and month < :end_date
      group by 1, 2 having sum(n) <> 0`,
    { start_date: p.start_date, end_date: p.end_date },
  );
  const { rows: people } = await db.raw(
    'select count(distinct client_id) as residents from support_requests where received_at >= :start and received_at < :end',
    { start: p.start, end: p.end },
  );
  const list = rows as { dimension: string; key: string; n: unknown }[];
  const total = (dimension: string, ...keys: string[]) =>
    list.filter((r) => r.dimension === dimension && (!keys.length || keys.includes(r.key))).reduce((s, r) => s + num(r.n), 0);
  const o: Record<string, number> = {
    received: total('received'),
    matched: total('matched'),
    completed: total('status', 'done', 'closed'),
    cancelled: total('status', 'cancelled'),
    unmatched: total('status', 'unmatched'),
    rejected: total('status', 'rejected'),
    residents: num(people[0].residents),
    new_residents: total('new_residents'),
  };
  const b = await perDimension((dim) =>
    list
      .filter((r) => r.dimension === dim)
      .map((r) => ({ key: r.key, value: num(r.n) }))
      .sort((x, y) => y.value - x.value || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)),
  );
  return { o, b };
}

/** The same figures from the requests themselves: the reference the monthly counts are checked against. */
export async function fromRecords(db: Knex, p: Period) {
  return { o: await outcomes(db, p), b: await breakdowns(db, p) };
}

async function breakdowns(db: Knex, p: Period): Promise<Figures['breakdowns']> {
  return perDimension(async (name) => {
    const { rows } = await db.raw(
      `select coalesce(${DIMENSIONS[name]}, 'unknown') as key, count(*) as value
         from support_requests r left join clients c on c.id = r.client_id
        where r.received_at >= :start and r.received_at < :end
        group by 1 order by 2 desc, 1`,
      { start: p.start, end: p.end },
    );
    return rows.map((r: { key: string; value: unknown }) => ({ key: r.key, value: num(r.value) }));
  });
}

/** The cohort of requests received in the period, and how far each got. */
async function outcomes(db: Knex, p: Period) {
  const { rows } = await db.raw(
    `select count(*) as received,
            count(*) filter (where exists (select 1 from request_events e where e.request_id = r.id and e.to_status = 'confirmed')) as matched,
            count(*) filter (where r.status in ('done', 'closed')) as completed,
            count(*) filter (where r.status = 'cancelled') as cancelled,
            count(*) filter (where r.status = 'unmatched') as unmatched,
            count(*) filter (where r.status = 'rejected') as rejected,
            count(distinct r.client_id) as residents,
            count(distinct r.client_id) filter (where not exists (
              select 1 from support_requests earlier where earlier.client_id = r.client_id and earlier.received_at < :start)) as new_residents
       from support_requests r
      where r.received_at >= :start and r.received_at < :end`,
    { start: p.start, end: p.end },
  );
  return rows[0];
}

/** Days from receipt to the first confirmation, for requests first confirmed in the period. */
async function daysToConfirmation(db: Knex, p: Period) {
  const { rows } = await db.raw(
    `select count(*) as confirmed,
            percentile_cont(0.5) within group (order by d) as median,
            percentile_cont(0.9) within group (order by d) as p90
       from (select extract(epoch from (e.at - r.received_at)) / 86400.0 as d
               from request_events e join support_requests r on r.id = e.request_id
              where e.to_status = 'confirmed' and e.at >= :start and e.at < :end
                and not exists (select 1 from request_events f
                                 where f.request_id = e.request_id and f.to_status = 'confirmed' and f.at < e.at)) x`,
    { start: p.start, end: p.end },
  );
  return rows[0];
}

/**
 * Activities started in the period. Each report's volunteer is looked up by its assignment's
 * key (every report has one): a join let the planner read all assignments for a month's few.
 */
async function activities(db: Knex, p: Period) {
  const { rows } = await db.raw(
    `select count(*) as activities,
            coalesce(sum(floor(extract(epoch from ar.actual_end_at) / 60) - floor(extract(epoch from ar.actual_start_at) / 60)) / 60.0, 0) as hours,
            count(distinct (select a.volunteer_id from assignments a where a.id = ar.assignment_id)) as volunteers_active,
            count(*) filter (where ar.outside_service_rules) as outside_service_rules
       from activity_reports ar
      where ar.actual_start_at >= :start and ar.actual_start_at < :end`,
    { start: p.start, end: p.end },
  );
  return rows[0];
}

async function peopleAndChecks(db: Knex, p: Period) {
  const { rows } = await db.raw(
    `select (select count(*) from volunteers where created_at >= :start and created_at < :end) as new_volunteers,
            (select count(*) from id_checks where checked_on >= :start_date and checked_on < :end_date) as id_checks_done,
            (select count(*) from volunteers where status = 'active'
                and id_check_valid_until >= :start_date and id_check_valid_until < :end_date) as id_checks_due,
            (select count(*) from activity_reports where follow_up_needed and created_at >= :start and created_at < :end) as follow_ups_opened,
            (select count(*) from activity_reports where follow_up_handled_at >= :start and follow_up_handled_at < :end) as follow_ups_handled,
            (select count(*) from resident_feedback where created_at >= :start and created_at < :end) as feedback_responses,
            (select avg(rating) from resident_feedback where created_at >= :start and created_at < :end) as feedback_average`,
    { start: p.start, end: p.end, start_date: p.start_date, end_date: p.end_date },
  );
  return rows[0];
}

const EXPENSE_KINDS = ['transport', 'transfer_fee', 'other'] as const;
const MONEY_STATES = ['owed', 'settled', 'outstanding'] as const;
/** The amounts' keys, in the order computeFigures gives them. */
export const AMOUNT_KEYS = [
  ...EXPENSE_KINDS.flatMap((kind) => MONEY_STATES.map((f) => `${kind}_${f}_yen`)),
  ...MONEY_STATES.map((f) => `total_${f}_yen`),
];

/** Yen owed (recorded in the period), settled in the period, and still outstanding at its end. */
async function money(db: Knex, p: Period) {
  const { rows } = await db.raw(
    `select kind,
            coalesce(sum(amount_yen) filter (where created_at >= :start and created_at < :end), 0) as owed,
            coalesce(sum(amount_yen) filter (where settled_on >= :start_date and settled_on < :end_date), 0) as settled,
            coalesce(sum(amount_yen) filter (where created_at < :end and (settled_on is null or settled_on >= :end_date)), 0) as outstanding
       from expenses group by kind`,
    { start: p.start, end: p.end, start_date: p.start_date, end_date: p.end_date },
  );
  const amounts: Record<string, number> = {};
  for (const kind of EXPENSE_KINDS) {
    const r = rows.find((x: { kind: string }) => x.kind === kind);
    for (const f of MONEY_STATES) amounts[`${kind}_${f}_yen`] = num(r?.[f]);
  }
  for (const f of MONEY_STATES) {
    amounts[`total_${f}_yen`] = amounts[`transport_${f}_yen`]! + amounts[`transfer_fee_${f}_yen`]! + amounts[`other_${f}_yen`]!;
  }
  return amounts;
}

const round1 = (v: unknown) => (v == null ? null : Math.round(Number(v) * 10) / 10);

/** The counts' keys, in the order computeFigures gives them. */
export const COUNT_KEYS = [
  'received',
  'matched',
  'completed',
  'cancelled',
  'unmatched',
  'rejected',
  'residents',
  'new_residents',
  'returning_residents',
  'confirmed_in_period',
  'activities',
  'volunteers_active',
  'outside_service_rules',
  'new_volunteers',
  'id_checks_done',
  'id_checks_due',
  'follow_ups_opened',
  'follow_ups_handled',
  'feedback_responses',
];

export type PeriodFigures = Figures & {
  days: { median: number | null; p90: number | null };
  hours: number;
  feedback_average: number | null;
};

/** Every figure of one period, each computed by the database. */
export async function computeFigures(db: Knex, p: Period, source: 'month_counts' | 'records' = 'month_counts'): Promise<PeriodFigures> {
  const { o, b } = source === 'records' ? await fromRecords(db, p) : await fromMonthCounts(db, p);
  const d = await daysToConfirmation(db, p);
  const a = await activities(db, p);
  const pc = await peopleAndChecks(db, p);
  const counts: Record<string, number> = {};
  for (const key of ['received', 'matched', 'completed', 'cancelled', 'unmatched', 'rejected', 'residents', 'new_residents'])
    counts[key] = num(o[key]);
  counts.returning_residents = counts.residents! - counts.new_residents!;
  counts.confirmed_in_period = num(d.confirmed);
  for (const key of ['activities', 'volunteers_active', 'outside_service_rules']) counts[key] = num(a[key]);
  for (const key of ['new_volunteers', 'id_checks_done', 'id_checks_due', 'follow_ups_opened', 'follow_ups_handled', 'feedback_responses'])
    counts[key] = num(pc[key]);
  return {
    counts,
    amounts: await money(db, p),
    breakdowns: b,
    days: { median: round1(d.median), p90: round1(d.p90) },
    hours: round1(a.hours) ?? 0,
    feedback_average: round1(pc.feedback_average),
  };
}
