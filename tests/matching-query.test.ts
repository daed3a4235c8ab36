import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { findCandidates, type Candidate } from '../server/matching/candidates.js';
import { activityWindow, factSql, loadTarget, queryFacts, type MatchTarget } from '../server/matching/facts.js';
import { coverage, scoreCandidate } from '../server/domain/matching.js';
import { TOKYO_OFFSET_MINUTES, tokyoParts } from '../server/domain/time.js';
import { useTestApp } from './helpers/app.js';
import { engineName } from './helpers/db.js';
import { createClient, createRequest, createVolunteer } from './helpers/factories.js';

const t = useTestApp();

/**
 * The candidate query as it was before one lateral pass replaced its correlated sub-queries
 * (one per fact, an anti-join for the overlap): the reference the new shape must match.
 */
async function referenceFacts(db: Knex, target: MatchTarget, strict: boolean) {
  const { bindings } = factSql(target);
  const confirmed = `a.volunteer_id = v.id and a.status = 'confirmed' and a.request_id <> :rid`;
  const old = {
    active: `(v.status = 'active' and v.archived_at is null and v.contact_stopped_at is null)`,
    id_check: `(v.id_check_valid_until is not null and v.id_check_valid_until >= cast(:day as date))`,
    language: `(v.languages && cast(:languages as text[]))`,
    mode_area:
      target.mode === 'online'
        ? `v.online_ok`
        : target.municipality_code
          ? `(v.in_person_ok and :muni = any(v.service_municipality_codes))`
          : `v.in_person_ok`,
    free: target.start_at
      ? `not exists (select 1 from assignments a where ${confirmed} and tstzrange(a.start_at, a.end_at, '[)') && tstzrange(cast(:s as timestamptz), cast(:e as timestamptz), '[)'))`
      : 'true',
    ...(target.preferred_volunteer_gender ? { gender: `(v.gender is not distinct from :gender)` } : {}),
  };
  const facts = {
    speaks_request_language: `(:request_language = any(v.languages))`,
    speaks_client_language: `(v.languages && cast(:client_languages as text[]))`,
    lives_in_area: `(v.municipality_code is not distinct from nullif(:muni, ''))`,
    serves_area: `(:muni = any(v.service_municipality_codes))`,
    month_count: `(select count(*) from assignments a where ${confirmed} and a.start_at >= cast(:month_start as timestamptz) and a.start_at < cast(:month_end as timestamptz))`,
    done_same_task: `coalesce((select sum(h.done_count) from volunteer_history h where h.volunteer_id = v.id and h.task_type = :task), 0)`,
    helped_client_before: `exists (select 1 from volunteer_history h where h.volunteer_id = v.id and h.client_id = :cid)`,
    activities_last_30_days: `(select count(*) from assignments a where ${confirmed} and a.start_at >= now() - interval '30 days' and a.start_at < now())`,
    travel_tight:
      target.start_at && target.end_at && target.mode === 'in_person'
        ? `exists (select 1 from assignments a join support_requests r2 on r2.id = a.request_id
             where ${confirmed} and r2.mode = 'in_person' and r2.municipality_code is distinct from nullif(:muni, '')
               and ((date_trunc('minute', cast(:s as timestamptz)) - date_trunc('minute', a.end_at) between interval '0' and make_interval(mins => :gap) - interval '1 minute')
                 or (date_trunc('minute', a.start_at) - date_trunc('minute', cast(:e as timestamptz)) between interval '0' and make_interval(mins => :gap) - interval '1 minute')))`
        : 'false',
  };
  const columns = [
    'v.id, v.name, v.volunteer_no, v.availability, v.monthly_limit, v.id_check_valid_until',
    ...Object.entries(facts).map(([name, sql]) => `${sql} as ${name}`),
    ...(strict ? [] : Object.entries(old).map(([name, sql]) => `${sql} as ok_${name}`)),
  ];
  const where = strict ? Object.values(old).join(' and ') : `v.status <> 'retired'`;
  const { rows } = await db.raw(`select ${columns.join(', ')} from volunteers v where ${where} order by v.id limit 5000`, bindings);
  return (rows as Record<string, unknown>[]).map((r) => ({
    ...r,
    month_count: Number(r.month_count),
    done_same_task: Number(r.done_same_task),
    activities_last_30_days: Number(r.activities_last_30_days),
  }));
}

/**
 * The ranking as Node did it before the database ranked: every qualifying volunteer's facts,
 * coverage and monthly limit checked and scored here, sorted by score then id.
 */
async function rankInNode(db: Knex, target: MatchTarget): Promise<Candidate[]> {
  const { nextMonthStart } = factSql(target);
  const w = activityWindow(target);
  const out: Candidate[] = [];
  for (const row of await queryFacts(db, target, true)) {
    const cov = w ? coverage(row.availability ?? [], w.weekday, w.start, w.end) : 'unknown';
    if (cov === 'none' || (row.monthly_limit != null && row.month_count >= row.monthly_limit)) continue;
    const scored = scoreCandidate(
      { ...row, online: target.mode === 'online', coverage: cov, travel_gap_minutes: target.travel_gap_minutes },
      nextMonthStart,
    );
    out.push({ volunteer_id: row.id, name: row.name, volunteer_no: row.volunteer_no, ...scored });
  }
  return out.sort((a, b) => b.score - a.score || a.volunteer_id - b.volunteer_id);
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  return { next, int, pick };
}

const AREAS = ['131016', '131024', '131032', '131105'] as const;
const LANGS = ['ja', 'en', 'vi', 'zh'] as const;
const TASKS = ['hospital', 'ward_office', 'school_meeting'] as const;
const WINDOWS = [
  ['09:00', '17:00'],
  ['08:30', '12:00'],
  ['13:00', '18:00'],
] as const;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Today's midnight in Japan, in milliseconds since the epoch. */
const tokyoMidnight = () => Math.floor((Date.now() + TOKYO_OFFSET_MINUTES * MINUTE) / DAY) * DAY - TOKYO_OFFSET_MINUTES * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

describe('candidate query: one lateral pass gives what the correlated sub-queries gave', () => {
  it('matches the reference query, strict and explained, on varied volunteers, activities and requests', async () => {
    const db = t.db.knex;
    const rnd = random(20261202);
    const clients = [
      await createClient(db, { languages: ['vi'] }),
      await createClient(db, { languages: ['ja', 'zh'] }),
      await createClient(db, { languages: ['en'] }),
    ];
    const volunteers: number[] = [];
    for (let i = 0; i < 36; i++) {
      const v = await createVolunteer(db, {
        languages: [rnd.pick(LANGS), rnd.pick(LANGS)],
        status: rnd.next() < 0.85 ? 'active' : rnd.pick(['paused', 'retired']),
        municipality_code: rnd.next() < 0.5 ? rnd.pick(AREAS) : null,
        service_municipality_codes: AREAS.filter(() => rnd.next() < 0.6),
        in_person_ok: rnd.next() < 0.8,
        online_ok: rnd.next() < 0.5,
        monthly_limit: rnd.next() < 0.4 ? rnd.int(4) : null,
        id_check_valid_until: rnd.next() < 0.85 ? iso(Date.now() + (rnd.int(400) - 60) * DAY).slice(0, 10) : null,
        gender: rnd.pick(['female', 'male', 'other', null]),
        availability: [0, 1, 2, 3, 4, 5, 6]
          .filter(() => rnd.next() < 0.7)
          .map((weekday) => {
            const [start, end] = rnd.pick(WINDOWS);
            return { weekday, start, end };
          }),
      });
      volunteers.push(v.id);
    }
    let no = 0;
    const request = async (o: Record<string, unknown>) => {
      no += 1;
      const [row] = await db('support_requests')
        .insert({
          request_no: `R-Q-${no}`,
          client_id: rnd.pick(clients).id,
          channel: 'phone',
          category: 'medical',
          task_type: rnd.pick(TASKS),
          mode: rnd.next() < 0.75 ? 'in_person' : 'online',
          language: rnd.next() < 0.9 ? rnd.pick(LANGS) : null,
          municipality_code: rnd.next() < 0.9 ? rnd.pick(AREAS) : null,
          status: 'matching',
          ...o,
        })
        .returning('id');
      return row.id as number;
    };
    /** A confirmed activity of its own request; one overlapping another of the volunteer is skipped. */
    const activity = async (volunteer: number, start: number, end: number, status = 'confirmed') => {
      const id = await request({ status, start_at: iso(start), end_at: iso(end) });
      await db('assignments')
        .insert({ request_id: id, volunteer_id: volunteer, status: 'confirmed', start_at: iso(start), end_at: iso(end) })
        .onConflict()
        .ignore();
    };

    // Past work: counted in the last 30 days, and (done) in the history of task and resident.
    for (const v of volunteers) {
      for (let k = rnd.int(5); k > 0; k--) {
        const start = Date.now() - rnd.int(50) * DAY - rnd.int(600) * MINUTE;
        await activity(v, start, start + (30 + rnd.int(120)) * MINUTE, rnd.pick(['confirmed', 'done', 'done']));
      }
    }
    // Requests to match (on the minute and off it, now and next month, some with no time yet),
    // each with activities of some volunteers around its time: overlapping, touching, lasting
    // almost a day, and ending or starting a few minutes (and seconds) before or after it.
    const targets: number[] = [];
    for (let i = 0; i < 24; i++) {
      const timed = i % 8 !== 7;
      // Between 08:00 and 18:00 in Japan, whatever the hour the test runs, so volunteers' weekly
      // windows cover some requests fully, some in part and some not at all.
      const base = tokyoMidnight() + (rnd.int(45) - 5) * DAY + (8 * 60 + rnd.int(600)) * MINUTE;
      const start = base + (i % 3 === 0 ? rnd.pick([1, 30_000, 59_999]) : 0);
      const end = start + (30 + rnd.int(150)) * MINUTE;
      const id = await request({
        start_at: timed ? iso(start) : null,
        end_at: timed ? iso(end) : null,
        preferred_volunteer_gender: i % 5 === 4 ? rnd.pick(['female', 'male']) : null,
        status: i % 6 === 5 ? 'confirmed' : 'matching',
      });
      targets.push(id);
      if (i % 6 === 5) {
        // Its own confirmed activity neither makes its volunteer busy nor counts.
        await db('assignments')
          .insert({
            request_id: id,
            volunteer_id: rnd.pick(volunteers),
            status: 'confirmed',
            start_at: iso(start),
            end_at: iso(end),
          })
          .onConflict()
          .ignore();
      }
      for (const v of volunteers.filter(() => rnd.next() < 0.3)) {
        // Minutes either side of the gap's edges (45 below), and milliseconds either side of the minute.
        const near = rnd.pick([-2, -1, 0, 1, 2, 43, 44, 45, 46]) * MINUTE + rnd.pick([-59_999, -30_000, -1, 0, 1, 30_000, 59_999]);
        const shape = rnd.int(8);
        if (shape === 0) await activity(v, start + rnd.int(20) * MINUTE, end + rnd.int(20) * MINUTE);
        else if (shape === 1) await activity(v, start - 90 * MINUTE, start);
        else if (shape === 2) await activity(v, end, end + 45 * MINUTE);
        // As long as an activity can last (under a day: assignments_within_a_day), overlapping.
        else if (shape === 3) await activity(v, start - DAY + (2 + rnd.int(3)) * MINUTE, start + MINUTE);
        else if (shape === 4 || shape === 5) await activity(v, start - near - 40 * MINUTE, start - near);
        else if (shape === 6) await activity(v, end + near, end + near + 40 * MINUTE);
        else {
          const other = start + (rnd.int(20) - 10) * DAY;
          await activity(v, other, other + 60 * MINUTE);
        }
      }
    }
    await db('settings').where('id', 1).update({ travel_gap_minutes: 45 });

    const seen = { rows: 0, travel: 0, busy: 0, month: 0, recent: 0, done: 0, helped: 0, ranked: 0, partial: 0, cut: 0 };
    for (const id of targets) {
      const target = (await loadTarget(db, id))!;
      for (const strict of [true, false]) {
        const rows = await queryFacts(db, target, strict);
        expect(rows, `request ${id} strict=${strict}`).toEqual(await referenceFacts(db, target, strict));
        seen.rows += rows.length;
        for (const r of rows) {
          if (r.travel_tight) seen.travel++;
          if (r.ok_free === false) seen.busy++;
          if (r.month_count > 0) seen.month++;
          if (r.activities_last_30_days > 0) seen.recent++;
          if (r.done_same_task > 0) seen.done++;
          if (r.helped_client_before) seen.helped++;
        }
      }
      // The database's ranking (score in SQL, coverage and monthly limit as filters) gives the
      // list Node's ranking of every qualifying volunteer gives, and its first few.
      const all = await rankInNode(db, target);
      const ranked = await findCandidates(db, target, 500);
      expect(ranked, `request ${id} ranked`).toEqual({ candidates: all, total: all.length });
      expect(await findCandidates(db, target, 2)).toEqual({ candidates: all.slice(0, 2), total: all.length });
      seen.ranked += all.length;
      seen.partial += all.filter((c) => c.warnings.some((w) => w.code === 'partial_availability')).length;
      if ((await queryFacts(db, target, true)).length > all.length) seen.cut++;
    }
    // The data reached every fact, so the comparison above was not of empty or all-false columns.
    for (const [fact, count] of Object.entries(seen)) expect(count, fact).toBeGreaterThan(0);
  }, 120_000); // ~1,000 rows written one by one and 96 pairs of queries: slow on a busy machine
});

describe('candidate query: a named statement', () => {
  it.runIf(engineName() === 'postgres')('is parsed once per connection for each shape of request, and answers as before', async () => {
    const db = t.db.knex;
    const client = await createClient(db, { languages: ['vi'] });
    const volunteer = await createVolunteer(db, {
      languages: ['vi'],
      availability: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '08:00', end: '20:00' })),
    });
    // 10:00–11:00 in Japan on a weekday at least three days on (availability is Monday to
    // Saturday; the test must not depend on the day it runs).
    const midnight = tokyoMidnight();
    let days = 3;
    while (tokyoParts(new Date(midnight + days * DAY)).weekday >= 6) days++;
    const start = midnight + days * DAY + 10 * 60 * MINUTE;
    const request = async (mode: string) => {
      const { id } = await createRequest(db, {
        client_id: client.id,
        mode,
        language: 'vi',
        start_at: iso(start),
        end_at: iso(start + 60 * MINUTE),
      });
      return (await loadTarget(db, id))!;
    };
    const [inPerson, inPersonToo, online] = [await request('in_person'), await request('in_person'), await request('online')];
    // One transaction: one connection, whose prepared statements the catalogue lists. The pool's
    // connection may hold statements of the test above; a limit of its own gives texts of its own.
    await db.transaction(async (trx) => {
      const names = async () =>
        ((await trx.raw(`select name from pg_prepared_statements where name like 'q\\_%'`)).rows as { name: string }[]).map((r) => r.name);
      const before = new Set(await names());
      const added = async () => (await names()).filter((n) => !before.has(n)).length;
      const first = await findCandidates(trx, inPerson, 7);
      expect(first.candidates.map((c) => c.volunteer_id)).toContain(volunteer.id);
      expect(await added()).toBe(1);
      // The same request again, and another request of that shape: the same statement.
      expect(await findCandidates(trx, inPerson, 7)).toEqual(first);
      await findCandidates(trx, inPersonToo, 7);
      expect(await added()).toBe(1);
      // An online request's text differs (no area, no travel check): a second statement.
      expect((await findCandidates(trx, online, 7)).candidates.map((c) => c.volunteer_id)).toContain(volunteer.id);
      expect(await added()).toBe(2);
    });
  });
});
