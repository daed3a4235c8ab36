import type { Knex } from 'knex';
import { PREPARE } from '../db/prepared.js';
import { coverage, scoreCandidate, WEIGHTS, type Coverage, type Note } from '../domain/matching.js';
import { activityWindow, factSql, queryFacts, type FactRow, type MatchTarget } from './facts.js';

export type Candidate = { volunteer_id: number; name: string; volunteer_no: string; score: number; reasons: Note[]; warnings: Note[] };

function coverageOf(row: FactRow, t: MatchTarget): Coverage {
  const w = activityWindow(t);
  return w ? coverage(row.availability ?? [], w.weekday, w.start, w.end) : 'unknown';
}

const underLimit = (row: FactRow) => row.monthly_limit == null || row.month_count < row.monthly_limit;

/** The candidates asked for by default: a coordinator reads the best few, and can ask for more. */
export const DEFAULT_CANDIDATES = 50;
export const MAX_CANDIDATES = 500;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * coverage() (domain/matching.ts) in SQL: JSON paths over the weekly windows, whose times are
 * 'HH:MM' (the volunteer schema holds them to it) and so compare as text in the clock's order.
 * `some` is the filter (a window overlaps the activity: not 'none'), `value` the column
 * ('full', 'partial', or 'unknown' for a request without a time).
 */
function coverageSql(t: MatchTarget): { some: string; value: string; paths: Record<string, string> } {
  const w = activityWindow(t);
  if (!w) return { some: 'true', value: `'unknown'`, paths: {} };
  const [from, to] = [JSON.stringify(hhmm(w.start)), JSON.stringify(hhmm(w.end))];
  // Bound as values, and the function rather than @?: Knex takes any '?' in the text for a placeholder.
  const path = (test: string) => `$[*] ? (@.weekday == ${w.weekday} && ${test})`;
  return {
    some: 'jsonb_path_exists(v.availability, cast(:covers_some as jsonpath))',
    value: `case when jsonb_path_exists(v.availability, cast(:covers_all as jsonpath)) then 'full' else 'partial' end`,
    paths: { covers_some: path(`@.start < ${to} && @.end > ${from}`), covers_all: path(`@.start <= ${from} && @.end >= ${to}`) },
  };
}

/** scoreCandidate's points (domain/matching.ts) in SQL, from the facts' columns, so the database can rank. */
function scoreSql(t: MatchTarget): string {
  const W = WEIGHTS;
  const area =
    t.mode === 'online' ? '0' : `case when f.lives_in_area then ${W.lives_in_area} when f.serves_area then ${W.serves_area} else 0 end`;
  return `(case when f.speaks_request_language then ${W.request_language} when f.speaks_client_language then ${W.client_language} else 0 end
    + ${area}
    + least(${W.task_experience_max}, f.done_same_task * ${W.task_experience_each})
    + case when f.helped_client_before then ${W.continuity} else 0 end
    + greatest(0, ${W.fairness_max} - ${W.fairness_step} * f.activities_last_30_days))`;
}

/**
 * Volunteers who can take the request, best first, each with the reasons and warnings behind
 * it: the first `limit`, and how many there are in all. The database ranks (the score in SQL
 * is scoreCandidate's; a test holds them equal), so a request that a third of the volunteers
 * could take sends Node 50 rows rather than 3,000.
 */
export async function findCandidates(
  db: Knex,
  t: MatchTarget,
  limit = DEFAULT_CANDIDATES,
): Promise<{ candidates: Candidate[]; total: number }> {
  const { filters, facts, activities, bindings, nextMonthStart } = factSql(t);
  const covered = coverageSql(t);
  const columns = [
    'v.id, v.name, v.volunteer_no, v.monthly_limit, v.id_check_valid_until',
    ...Object.entries(facts).map(([name, sql]) => `${sql} as ${name}`),
    `${covered.value} as coverage`,
  ];
  const where = [...Object.values(filters), covered.some, '(v.monthly_limit is null or act.month_count < v.monthly_limit)'];
  // offset 0 keeps the inner select whole, so each fact is computed once per volunteer, not
  // again for the score.
  const sql = `select f.*, ${scoreSql(t)} as score, count(*) over () as total
    from (select ${columns.join(', ')} from volunteers v ${activities} where ${where.join(' and ')} offset 0) f
    order by score desc, f.id limit ${Math.trunc(limit)}`;
  // Named (PREPARE): the text varies only with the request's mode, its time or none, and the
  // limit. 7.0 → 6.2 ms a query over the benchmark's requests.
  const { rows } = (await db.raw(sql, { ...bindings, ...covered.paths }).options(PREPARE)) as {
    rows: (FactRow & { coverage: Coverage; score: number; total: string })[];
  };
  const candidates = rows.map((raw) => {
    const row = { ...raw, month_count: Number(raw.month_count), done_same_task: Number(raw.done_same_task) };
    const { score, reasons, warnings } = scoreCandidate(
      {
        ...row,
        activities_last_30_days: Number(raw.activities_last_30_days),
        online: t.mode === 'online',
        coverage: raw.coverage,
        travel_gap_minutes: t.travel_gap_minutes,
      },
      nextMonthStart,
    );
    return { volunteer_id: row.id, name: row.name, volunteer_no: row.volunteer_no, score, reasons, warnings };
  });
  return { candidates, total: rows.length ? Number(rows[0]!.total) : 0 };
}

const GENDER_JA = { female: '女性', male: '男性' } as const;

/** The filters of a request in the order a coordinator thinks of them; each can empty the list. */
export function filtersFor(t: MatchTarget): { code: string; message: string; params?: Record<string, string> }[] {
  const gender = t.preferred_volunteer_gender;
  return gender
    ? [
        ...FILTERS.slice(0, 3),
        { code: 'gender', message: `依頼の希望により${GENDER_JA[gender]}のボランティア (本人の申告による)`, params: { gender } },
        ...FILTERS.slice(3),
      ]
    : FILTERS;
}

/** The filters every request has; filtersFor adds the gender a request may ask for. */
export const FILTERS: { code: string; message: string }[] = [
  { code: 'active', message: '活動中のボランティア' },
  { code: 'id_check', message: '活動日に有効な本人確認' },
  { code: 'language', message: '依頼の言語 (または利用者の言語) を話せる' },
  { code: 'mode_area', message: '対面なら依頼の区市町村で活動可能 / オンラインならオンライン可' },
  { code: 'availability', message: '活動できる時間帯に合う' },
  { code: 'free', message: 'その時間に確定済みの活動がない' },
  { code: 'monthly_limit', message: '今月の上限回数に達していない' },
];

/** What stops a near-miss, said as the problem itself (never 「満たしていない条件: …がない」). */
export const MISSES: Record<string, string> = {
  active: '活動中ではない',
  id_check: '活動日に有効な本人確認がない',
  language: '依頼の言語も利用者の言語も話せない',
  mode_area: '依頼の区市町村で活動できない (オンラインの依頼ならオンライン不可)',
  availability: '活動できる時間帯が依頼の時間と合わない',
  free: 'その時間に別の活動が確定している',
  monthly_limit: '今月の上限回数に達している',
};

/** Someone missing more conditions than this is not "almost" a match. */
export const NEAR_MISS_MAX_FAILED = 2;

function failedFilters(row: FactRow, t: MatchTarget): string[] {
  const pass: Record<string, boolean> = {
    gender: !!row.ok_gender,
    active: !!row.ok_active,
    id_check: !!row.ok_id_check,
    language: !!row.ok_language,
    mode_area: !!row.ok_mode_area,
    availability: coverageOf(row, t) !== 'none',
    free: !!row.ok_free,
    monthly_limit: underLimit(row),
  };
  return filtersFor(t)
    .map((f) => f.code)
    .filter((code) => !pass[code]);
}

/** A volunteer whose ID check ran out before the day: renewing it is the easiest fix of all. */
const idCheckExpired = (row: FactRow, failed: string[]) => failed.includes('id_check') && row.id_check_valid_until != null;

/**
 * How far a near-miss is from qualifying: one per failed filter, but an expired ID check only
 * half, so those who need nothing else than its renewal come first, before anyone who fails
 * a filter that cannot be fixed in a call.
 */
const distance = (row: FactRow, failed: string[]) => failed.length - (idCheckExpired(row, failed) ? 0.5 : 0);

/**
 * Why the list is empty: how many volunteers remain after each filter in turn, the filter
 * that emptied it, and the near-misses — those who fail the fewest filters, volunteers whose ID
 * check has expired first (「本人確認の更新が必要」) — so the coordinator is never stuck.
 * Volunteers not active, or never checked, are no near-misses.
 */
export async function explainCandidates(db: Knex, t: MatchTarget) {
  const rows = await queryFacts(db, t, false);
  const failures = rows.map((row) => ({ row, failed: failedFilters(row, t) }));
  let remaining = failures;
  const filters = filtersFor(t);
  const steps = filters.map((f) => {
    remaining = remaining.filter((r) => !r.failed.includes(f.code));
    return { ...f, remaining: remaining.length };
  });
  const emptiedBy = steps.find((s) => s.remaining === 0) ?? null;
  const byCode = new Map(filters.map((f) => [f.code, f.message]));
  const nearMisses = failures
    .filter((r) => r.failed.length > 0 && r.failed.length <= NEAR_MISS_MAX_FAILED)
    .filter((r) => !r.failed.includes('active') && (!r.failed.includes('id_check') || idCheckExpired(r.row, r.failed)))
    .sort((a, b) => distance(a.row, a.failed) - distance(b.row, b.failed) || a.row.id - b.row.id)
    .slice(0, 20)
    .map(({ row, failed }) => ({
      volunteer_id: row.id,
      name: row.name,
      volunteer_no: row.volunteer_no,
      failed: failed.map((code) =>
        code === 'id_check'
          ? {
              code,
              message: `本人確認の更新が必要 (有効期限 ${row.id_check_valid_until})`,
              params: { date: String(row.id_check_valid_until) },
            }
          : { code, message: MISSES[code] ?? byCode.get(code) ?? code },
      ),
    }));
  return { total: rows.length, steps, emptied_by: emptiedBy, near_misses: nearMisses };
}
