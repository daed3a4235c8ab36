import type { Knex } from 'knex';
import { coverage, scoreCandidate, type Coverage, type Note } from '../domain/matching.js';
import { activityWindow, factSql, queryFacts, type FactRow, type MatchTarget } from './facts.js';

export type Candidate = { volunteer_id: number; name: string; volunteer_no: string; score: number; reasons: Note[]; warnings: Note[] };

function coverageOf(row: FactRow, t: MatchTarget): Coverage {
  const w = activityWindow(t);
  return w ? coverage(row.availability ?? [], w.weekday, w.start, w.end) : 'unknown';
}

const underLimit = (row: FactRow) => row.monthly_limit == null || row.month_count < row.monthly_limit;

/** Volunteers who can take the request, best first, each with the reasons and warnings behind it. */
export async function findCandidates(db: Knex, t: MatchTarget): Promise<Candidate[]> {
  const { nextMonthStart } = factSql(t);
  const rows = await queryFacts(db, t, true);
  const out: Candidate[] = [];
  for (const row of rows) {
    const cov = coverageOf(row, t);
    if (cov === 'none' || !underLimit(row)) continue;
    const { score, reasons, warnings } = scoreCandidate(
      { ...row, online: t.mode === 'online', coverage: cov, travel_gap_minutes: t.travel_gap_minutes },
      nextMonthStart,
    );
    out.push({ volunteer_id: row.id, name: row.name, volunteer_no: row.volunteer_no, score, reasons, warnings });
  }
  return out.sort((a, b) => b.score - a.score || a.volunteer_id - b.volunteer_id);
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
