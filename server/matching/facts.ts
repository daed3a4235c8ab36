import type { Knex } from 'knex';
import { tokyoDate, tokyoParts } from '../domain/time.js';

/** The request as matching sees it. */
export type MatchTarget = {
  id: number;
  client_id: number | null;
  language: string | null;
  client_languages: string[];
  mode: 'in_person' | 'online';
  municipality_code: string | null;
  task_type: string;
  start_at: Date | null;
  end_at: Date | null;
  /** Only volunteers who declared this gender, when the request asks for it. */
  preferred_volunteer_gender?: 'female' | 'male' | null;
  /** The settings' least time between in-person activities in different municipalities. */
  travel_gap_minutes?: number;
};

/** The request, its resident's languages and the settings' travel gap, in one statement. */
export async function loadTarget(db: Knex, requestId: number): Promise<MatchTarget | undefined> {
  const row = await db('support_requests as r')
    .leftJoin('clients as c', 'c.id', 'r.client_id')
    .where('r.id', requestId)
    .first(
      'r.id',
      'r.client_id',
      'r.language',
      'r.mode',
      'r.municipality_code',
      'r.task_type',
      'r.start_at',
      'r.end_at',
      'r.preferred_volunteer_gender',
      'c.languages as client_languages',
      db('settings').where('id', 1).select('travel_gap_minutes').as('travel_gap_minutes'),
    );
  if (!row) return undefined;
  const { travel_gap_minutes, ...target } = row;
  return { ...target, client_languages: row.client_languages ?? [], travel_gap_minutes: travel_gap_minutes ?? 60 };
}

/** First day of the activity's month and of the next one, in Japan time. */
export function monthBounds(day: string): { start: string; next: string } {
  const [y = 0, m = 0] = day.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { start: `${day.slice(0, 7)}-01`, next };
}

/**
 * SQL for each hard filter and each ranking fact, so the same expressions serve the strict
 * candidate query (as WHERE) and the explanation of an empty list (as columns).
 */
export function factSql(t: MatchTarget) {
  const day = tokyoDate(t.start_at ?? new Date());
  const month = monthBounds(day);
  const languages = [...new Set([t.language, ...t.client_languages].filter((l): l is string => !!l))];
  const bindings = {
    day,
    languages,
    request_language: t.language ?? '',
    client_languages: t.client_languages,
    muni: t.municipality_code ?? '',
    rid: t.id,
    cid: t.client_id ?? -1,
    task: t.task_type,
    s: t.start_at,
    e: t.end_at,
    gender: t.preferred_volunteer_gender ?? '',
    gap: t.travel_gap_minutes ?? 60,
    month_start: `${month.start}T00:00:00+09:00`,
    month_end: `${month.next}T00:00:00+09:00`,
    ...travelWindows(t),
    activities_from: activitiesFrom(t, `${month.start}T00:00:00+09:00`),
  };
  // Each volunteer's confirmed activities (but this request's) are read once, in one lateral
  // pass over assignments_confirmed_by_volunteer: the counts, the overlap and the travel check
  // are FILTERed counts of that pass, instead of one correlated sub-query each. Every bound is
  // a value, or computed once (the sub-select): nothing is recomputed for each activity. The
  // pass starts at the earliest activity any count can need (activitiesFrom), not at the
  // volunteer's first: about 2 of their 18 activities instead of all.
  const timed = !!(t.start_at && t.end_at);
  const minutes = `make_interval(mins => :gap)`;
  // travelGapTooShort (server/domain/task-warnings.ts) in SQL: whole minutes, seconds truncated.
  // The plain bounds before each date_trunc test (travelWindows) spare it for activities far
  // from the request.
  const travel =
    timed && t.mode === 'in_person'
      ? `count(*) filter (where
           ((a.end_at > cast(:ends_after as timestamptz) and a.end_at < cast(:ends_before as timestamptz)
               and date_trunc('minute', cast(:s as timestamptz)) - date_trunc('minute', a.end_at) between interval '0' and ${minutes} - interval '1 minute')
             or (a.start_at > cast(:starts_after as timestamptz) and a.start_at < cast(:starts_before as timestamptz)
               and date_trunc('minute', a.start_at) - date_trunc('minute', cast(:e as timestamptz)) between interval '0' and ${minutes} - interval '1 minute'))
           and exists (select 1 from support_requests r2 where r2.id = a.request_id
             and r2.mode = 'in_person' and r2.municipality_code is distinct from nullif(:muni, ''))) > 0`
      : 'false';
  // Both ranges are non-empty (end after start, a CHECK on either table), so they overlap
  // exactly when each starts before the other ends; the range test keeps the rule's wording.
  const overlap = timed
    ? `count(*) filter (where a.start_at < cast(:e as timestamptz) and a.end_at > cast(:s as timestamptz)
         and tstzrange(a.start_at, a.end_at, '[)') && tstzrange(cast(:s as timestamptz), cast(:e as timestamptz), '[)'))`
    : '0';
  const activities = `cross join lateral (
    select count(*) filter (where a.start_at >= cast(:month_start as timestamptz) and a.start_at < cast(:month_end as timestamptz)) as month_count,
           count(*) filter (where a.start_at >= (select now() - interval '30 days') and a.start_at < now()) as activities_last_30_days,
           ${overlap} as overlapping,
           ${travel} as travel_tight
      from assignments a where a.volunteer_id = v.id and a.status = 'confirmed' and a.request_id <> :rid
        and a.start_at >= least(cast(:activities_from as timestamptz), (select now() - interval '30 days'))) act`;
  const filters = {
    // 利用停止: a volunteer who asked not to be contacted counts as not active for matching.
    active: `(v.status = 'active' and v.archived_at is null and v.contact_stopped_at is null)`,
    // hasValidIdCheckOn (server/domain/id-checks.ts), the rule confirming checks, in SQL.
    id_check: `(v.id_check_valid_until is not null and v.id_check_valid_until >= cast(:day as date))`,
    language: `(v.languages && cast(:languages as text[]))`,
    mode_area:
      t.mode === 'online'
        ? `v.online_ok`
        : t.municipality_code
          ? // Containment, not = any: the same answer, and volunteers_service_areas (GIN) can find it.
            `(v.in_person_ok and v.service_municipality_codes @> array[cast(:muni as text)])`
          : `v.in_person_ok`,
    // No confirmed activity of the volunteer overlaps the request's time.
    free: `(act.overlapping = 0)`,
    // Self-declared; a volunteer who declared nothing is not assumed to be either.
    ...(t.preferred_volunteer_gender ? { gender: `(v.gender is not distinct from :gender)` } : {}),
  };
  const facts = {
    speaks_request_language: `(:request_language = any(v.languages))`,
    speaks_client_language: `(v.languages && cast(:client_languages as text[]))`,
    lives_in_area: `(v.municipality_code is not distinct from nullif(:muni, ''))`,
    serves_area: `(:muni = any(v.service_municipality_codes))`,
    month_count: `act.month_count`,
    // Kept by triggers as requests reach done (migration 20261128002100): one index-only probe
    // each (volunteer_history_task_done, migration 20261202000200).
    done_same_task: `coalesce((select sum(h.done_count) from volunteer_history h where h.volunteer_id = v.id and h.task_type = :task), 0)`,
    helped_client_before: `exists (select 1 from volunteer_history h where h.volunteer_id = v.id and h.client_id = :cid)`,
    activities_last_30_days: `act.activities_last_30_days`,
    travel_tight: `act.travel_tight`,
  };
  return { filters, facts, activities, bindings, day, nextMonthStart: month.next, languages };
}

/**
 * The earliest start of an activity that any fact can count: the first of the activity's month,
 * or, for a timed request, a day before the travel window opens (an activity lasts less than a
 * day: constraint assignments_within_a_day), whichever is earlier. The 30 days before now are
 * added in SQL, on the database's clock.
 */
function activitiesFrom(t: MatchTarget, monthStart: string): Date {
  const from = new Date(monthStart).getTime();
  if (!t.start_at) return new Date(from);
  const day = 24 * 60 * 60_000;
  const windowOpens = new Date(t.start_at).getTime() - (t.travel_gap_minutes ?? 60) * 60_000;
  return new Date(Math.min(from, windowOpens - day));
}

/**
 * Bounds implied by the travel check, a minute either way (date_trunc takes off less than one):
 * an activity ending before the request less than the gap before its start ends within
 * (start − gap, start + 1 min); one starting less than the gap after its end starts within
 * (end − 1 min, end + gap).
 */
function travelWindows(t: MatchTarget) {
  if (!t.start_at || !t.end_at) return {};
  const minute = 60_000;
  const gap = (t.travel_gap_minutes ?? 60) * minute;
  const s = new Date(t.start_at).getTime();
  const e = new Date(t.end_at).getTime();
  return {
    ends_after: new Date(s - gap),
    ends_before: new Date(s + minute),
    starts_after: new Date(e - minute),
    starts_before: new Date(e + gap),
  };
}

export type FactRow = {
  id: number;
  name: string;
  volunteer_no: string;
  availability: { weekday: number; start: string; end: string }[];
  monthly_limit: number | null;
  id_check_valid_until: string | null;
  speaks_request_language: boolean;
  speaks_client_language: boolean;
  lives_in_area: boolean;
  serves_area: boolean;
  month_count: number;
  done_same_task: number;
  helped_client_before: boolean;
  activities_last_30_days: number;
  travel_tight: boolean;
} & Partial<Record<'ok_active' | 'ok_id_check' | 'ok_language' | 'ok_mode_area' | 'ok_free' | 'ok_gender', boolean>>;

/** Volunteers with their facts; strict keeps only those who pass every SQL filter. */
export async function queryFacts(db: Knex, t: MatchTarget, strict: boolean, limit = 5000): Promise<FactRow[]> {
  const { filters, facts, activities, bindings } = factSql(t);
  const columns = [
    'v.id, v.name, v.volunteer_no, v.availability, v.monthly_limit, v.id_check_valid_until',
    ...Object.entries(facts).map(([name, sql]) => `${sql} as ${name}`),
    ...(strict ? [] : Object.entries(filters).map(([name, sql]) => `${sql} as ok_${name}`)),
  ];
  const where = strict ? Object.values(filters).join(' and ') : `v.status <> 'retired'`;
  const sql = `select ${columns.join(', ')} from volunteers v ${activities} where ${where} order by v.id limit ${Number(limit)}`;
  const result = await db.raw(sql, bindings);
  const rows: FactRow[] = result.rows;
  return rows.map((r) => ({
    ...r,
    month_count: Number(r.month_count),
    done_same_task: Number(r.done_same_task),
    activities_last_30_days: Number(r.activities_last_30_days),
  }));
}

export function activityWindow(t: MatchTarget): { weekday: number; start: number; end: number } | undefined {
  if (!t.start_at || !t.end_at) return undefined;
  const from = tokyoParts(t.start_at);
  const to = tokyoParts(t.end_at);
  return { weekday: from.weekday, start: from.minutes, end: from.date === to.date ? to.minutes : 24 * 60 };
}
