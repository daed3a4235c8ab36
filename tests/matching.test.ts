import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createClient, createRequest, createVolunteer, type VolunteerOverrides } from './helpers/factories.js';

const t = useTestApp();

type Candidate = { volunteer_id: number; score: number; reasons: { code: string }[]; warnings: { code: string }[] };
const candidates = async (requestId: number) => {
  const res = await (await t.as('coordinator')).get(`/api/support-requests/${requestId}/candidates`);
  expect(res.status).toBe(200);
  return res.body as Candidate[];
};
const ids = (list: Candidate[]) => list.map((c) => c.volunteer_id);

/** Each test works in its own municipality and language so volunteers of other tests stay out. */
let area = 0;
const AREAS = [
  '131016',
  '131024',
  '131032',
  '131041',
  '131059',
  '131067',
  '131075',
  '131083',
  '131091',
  '131105',
  '131113',
  '131121',
  '131130',
  '131148',
  '131156',
  '131164',
  '131172',
  '131181',
];
function scene() {
  const muni = AREAS[area++ % AREAS.length]!;
  const lang = ['uk', 'fa', 'ps', 'ne', 'vi', 'tl', 'my', 'pt', 'ko', 'zh', 'ru', 'es', 'fr', 'de', 'th', 'id', 'ar', 'hi'][area % 18]!;
  const vol = (o: VolunteerOverrides = {}) =>
    createVolunteer(t.db.knex, { languages: ['ja', lang], service_municipality_codes: [muni], ...o });
  const req = async (o: Parameters<typeof createRequest>[1] = {}) =>
    createRequest(t.db.knex, { language: lang, municipality_code: muni, ...o });
  return { muni, lang, vol, req };
}

describe('candidates: exclusions', () => {
  it('lists only active volunteers with a passed ID check valid on the day', async () => {
    const s = scene();
    const ok = await s.vol();
    const paused = await s.vol({ status: 'paused' });
    const none = await s.vol({ id_check_valid_until: null });
    const expiresBefore = await s.vol({ id_check_valid_until: '2026-03-01' });
    const expiresThatDay = await s.vol({ id_check_valid_until: '2026-03-02' });
    const r = await s.req();
    const list = ids(await candidates(r.id));
    expect(list).toEqual(expect.arrayContaining([ok.id, expiresThatDay.id]));
    for (const v of [paused, none, expiresBefore]) expect(list).not.toContain(v.id);
  });

  it('requires the request language or one of the client languages', async () => {
    const s = scene();
    const client = await createClient(t.db.knex, { languages: ['so', s.lang] });
    const speaksRequest = await s.vol();
    const speaksClient = await s.vol({ languages: ['ja', 'so'] });
    const speaksNeither = await s.vol({ languages: ['ja', 'sw'] });
    const list = ids(await candidates((await s.req({ client_id: client.id })).id));
    expect(list).toEqual(expect.arrayContaining([speaksRequest.id, speaksClient.id]));
    expect(list).not.toContain(speaksNeither.id);
  });

  it('in person needs the area and in_person_ok; online needs online_ok', async () => {
    const s = scene();
    const local = await s.vol({ online_ok: false });
    const elsewhere = await s.vol({ service_municipality_codes: ['132012'] });
    const notInPerson = await s.vol({ in_person_ok: false });
    const inPerson = ids(await candidates((await s.req()).id));
    expect(inPerson).toContain(local.id);
    expect(inPerson).not.toContain(elsewhere.id);
    expect(inPerson).not.toContain(notInPerson.id);
    const online = ids(await candidates((await s.req({ mode: 'online' })).id));
    expect(online).toEqual(expect.arrayContaining([elsewhere.id, notInPerson.id]));
    expect(online).not.toContain(local.id);
  });

  it('follows the weekly pattern: no overlap excludes, partial overlap warns', async () => {
    const s = scene();
    const full = await s.vol({ availability: [{ weekday: 1, start: '09:00', end: '13:00' }] });
    const partial = await s.vol({ availability: [{ weekday: 1, start: '11:00', end: '15:00' }] });
    const otherDay = await s.vol({ availability: [{ weekday: 2, start: '08:30', end: '18:00' }] });
    const list = await candidates((await s.req()).id);
    expect(ids(list)).toEqual(expect.arrayContaining([full.id, partial.id]));
    expect(ids(list)).not.toContain(otherDay.id);
    expect(list.find((c) => c.volunteer_id === partial.id)!.warnings.map((w) => w.code)).toContain('partial_availability');
    expect(list.find((c) => c.volunteer_id === full.id)!.warnings.map((w) => w.code)).not.toContain('partial_availability');
  });

  it('excludes a volunteer with an overlapping confirmed assignment, not an adjacent one', async () => {
    const s = scene();
    const busy = await s.vol();
    const adjacent = await s.vol();
    const other = await s.req({ status: 'confirmed', start_at: '2026-03-02T11:00:00+09:00', end_at: '2026-03-02T13:00:00+09:00' });
    await t.db.knex('assignments').insert({
      request_id: other.id,
      volunteer_id: busy.id,
      status: 'confirmed',
      start_at: '2026-03-02T11:00:00+09:00',
      end_at: '2026-03-02T13:00:00+09:00',
    });
    const before = await s.req({ status: 'confirmed', start_at: '2026-03-02T08:30:00+09:00', end_at: '2026-03-02T10:00:00+09:00' });
    await t.db.knex('assignments').insert({
      request_id: before.id,
      volunteer_id: adjacent.id,
      status: 'confirmed',
      start_at: '2026-03-02T08:30:00+09:00',
      end_at: '2026-03-02T10:00:00+09:00',
    });
    const list = ids(await candidates((await s.req()).id));
    expect(list).not.toContain(busy.id);
    expect(list).toContain(adjacent.id);
  });

  it('respects the monthly limit and warns one short of it', async () => {
    const s = scene();
    const full = await s.vol({ monthly_limit: 1 });
    const nearly = await s.vol({ monthly_limit: 2 });
    for (const v of [full, nearly]) {
      const done = await s.req({ status: 'done', start_at: '2026-03-10T10:00:00+09:00', end_at: '2026-03-10T11:00:00+09:00' });
      await t.db.knex('assignments').insert({
        request_id: done.id,
        volunteer_id: v.id,
        status: 'confirmed',
        start_at: '2026-03-10T10:00:00+09:00',
        end_at: '2026-03-10T11:00:00+09:00',
      });
    }
    const list = await candidates((await s.req()).id);
    expect(ids(list)).not.toContain(full.id);
    expect(list.find((c) => c.volunteer_id === nearly.id)!.warnings.map((w) => w.code)).toContain('near_monthly_limit');
  });

  it('warns when the ID check expires before next month', async () => {
    const s = scene();
    const soon = await s.vol({ id_check_valid_until: '2026-03-20' });
    const list = await candidates((await s.req()).id);
    expect(list.find((c) => c.volunteer_id === soon.id)!.warnings.map((w) => w.code)).toContain('id_check_expiring');
  });
});

describe('candidates: ranking', () => {
  async function pairOn(
    setup: (s: ReturnType<typeof scene>, a: { id: number }, r: { id: number; client_id: number }) => Promise<void>,
    o: VolunteerOverrides = {},
  ) {
    const s = scene();
    const a = await s.vol(o);
    const b = await s.vol(o);
    const r = await s.req();
    await setup(s, a, r);
    const list = await candidates(r.id);
    const pos = (id: number) => ids(list).indexOf(id);
    return { a, b, list, pos };
  }

  async function pastActivity(s: ReturnType<typeof scene>, volunteerId: number, o: Parameters<typeof createRequest>[1] = {}) {
    const done = await s.req({ status: 'done', start_at: '2025-06-02T10:00:00+09:00', end_at: '2025-06-02T11:00:00+09:00', ...o });
    await t.db.knex('assignments').insert({
      request_id: done.id,
      volunteer_id: volunteerId,
      status: 'confirmed',
      start_at: '2025-06-02T10:00:00+09:00',
      end_at: '2025-06-02T11:00:00+09:00',
    });
  }

  it('ranks the request language above a client-only language', async () => {
    const s = scene();
    const client = await createClient(t.db.knex, { languages: [s.lang, 'so'] });
    const exact = await s.vol({ languages: ['ja', s.lang] });
    const clientOnly = await s.vol({ languages: ['ja', 'so'] });
    const list = ids(await candidates((await s.req({ client_id: client.id })).id));
    expect(list.indexOf(exact.id)).toBeLessThan(list.indexOf(clientOnly.id));
  });

  it('ranks living in the area first', async () => {
    const { a, b, pos } = await pairOn(async (s, v) => {
      await t.db.knex('volunteers').where('id', v.id).update({ municipality_code: s.muni });
    });
    expect(pos(a.id)).toBeLessThan(pos(b.id));
  });

  it('ranks experience of the same task first', async () => {
    const { a, b, pos, list } = await pairOn((s, v) => pastActivity(s, v.id, { task_type: 'hospital' }));
    expect(pos(a.id)).toBeLessThan(pos(b.id));
    expect(list.find((c) => c.volunteer_id === a.id)!.reasons.map((r) => r.code)).toContain('task_experience');
  });

  it('ranks continuity with the same resident first', async () => {
    const { a, b, pos, list } = await pairOn(async (s, v, r) => pastActivity(s, v.id, { client_id: r.client_id, task_type: 'other' }));
    expect(pos(a.id)).toBeLessThan(pos(b.id));
    expect(list.find((c) => c.volunteer_id === a.id)!.reasons.map((r) => r.code)).toContain('continuity');
  });

  it('ranks fewer recent activities first (fairness)', async () => {
    const recent = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const recentEnd = new Date(Date.now() - 5 * 86_400_000 + 3600_000).toISOString();
    const { a, b, pos } = await pairOn(async (s, v) => {
      const r = await s.req({ status: 'done', task_type: 'other', start_at: recent, end_at: recentEnd });
      await t.db
        .knex('assignments')
        .insert({ request_id: r.id, volunteer_id: v.id, status: 'confirmed', start_at: recent, end_at: recentEnd });
    });
    expect(pos(b.id)).toBeLessThan(pos(a.id));
  });
});

describe('candidates: how many', () => {
  it('answers the best `limit` and counts them all in X-Total-Count; a bad limit is a 400', async () => {
    const s = scene();
    const client = await createClient(t.db.knex, { languages: [s.lang] });
    const vols = [];
    for (let i = 0; i < 4; i++) vols.push(await s.vol());
    const r = await s.req({ client_id: client.id });
    // One of them helped this resident before: first on the list whatever the order of ids.
    await t.db.knex('volunteer_history').insert({ volunteer_id: vols[3]!.id, client_id: client.id, task_type: 'other', done_count: 1 });
    const agent = await t.as('coordinator');
    const all = await agent.get(`/api/support-requests/${r.id}/candidates`);
    expect(all.status).toBe(200);
    expect(all.headers['x-total-count']).toBe('4');
    expect(ids(all.body)).toHaveLength(4);
    expect(all.body[0].volunteer_id).toBe(vols[3]!.id);
    const two = await agent.get(`/api/support-requests/${r.id}/candidates?limit=2`);
    expect(two.status).toBe(200);
    expect(two.headers['x-total-count']).toBe('4');
    expect(two.body).toEqual(all.body.slice(0, 2));
    for (const bad of ['0', '501', 'many', '2.5']) {
      const res = await agent.get(`/api/support-requests/${r.id}/candidates?limit=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.message).toMatch(/limit|件数|数/);
    }
    expect((await agent.get(`/api/support-requests/${r.id}/candidates?sort=name`)).status).toBe(400);
  });
});

describe('candidates: when nobody qualifies', () => {
  it('keeps to volunteers of the preferred gender when a request asks, and says so when nobody is left', async () => {
    const s = scene();
    const woman = await s.vol({ gender: 'female' });
    const man = await s.vol({ gender: 'male' });
    const undeclared = await s.vol();
    const open = await s.req();
    expect(ids(await candidates(open.id))).toEqual(expect.arrayContaining([woman.id, man.id, undeclared.id]));
    const agent = await t.as('coordinator');
    const current = (await agent.get(`/api/support-requests/${open.id}`)).body;
    const asked = await agent.put(`/api/support-requests/${open.id}`).send({ ...current, preferred_volunteer_gender: 'female' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.preferred_volunteer_gender).toBe('female');
    expect(ids(await candidates(open.id))).toEqual([woman.id]);
    const bad = await agent.put(`/api/support-requests/${open.id}`).send({ ...asked.body, preferred_volunteer_gender: 'other' });
    expect(bad.status).toBe(400);

    // Nobody of that gender: the explanation names the preference as the filter that emptied the list.
    await t.db.knex('volunteers').where('id', woman.id).update({ gender: null });
    expect(await candidates(open.id)).toEqual([]);
    const res = await agent.get(`/api/support-requests/${open.id}/candidates/explain`);
    expect(res.body.emptied_by).toEqual({
      code: 'gender',
      message: '依頼の希望により女性のボランティア (本人の申告による)',
      params: { gender: 'female' },
      remaining: 0,
    });
    expect(res.body.steps.map((st: { code: string }) => st.code)).toEqual([
      'active',
      'id_check',
      'language',
      'gender',
      'mode_area',
      'availability',
      'free',
      'monthly_limit',
    ]);
    // Never in the CSV for funders (nor in any list export).
    const volunteersCsv = await (await t.as('secretariat')).get('/api/exports/volunteers.csv');
    expect(volunteersCsv.status).toBe(200);
    expect(volunteersCsv.text).not.toMatch(/性別|gender|女性/);
    const requestsCsv = await (await t.as('secretariat')).get('/api/exports/support-requests.csv');
    expect(requestsCsv.text).not.toMatch(/性別|gender|女性を希望/);
  });

  it('lists volunteers whose ID check has expired first among the near-misses, as 本人確認の更新が必要', async () => {
    const s = scene();
    const elsewhere = await s.vol({ service_municipality_codes: ['132012'] });
    const expired = await s.vol({ id_check_valid_until: '2026-02-28' });
    const expiredElsewhere = await s.vol({ id_check_valid_until: '2026-02-28', service_municipality_codes: ['132012'] });
    const neverChecked = await s.vol({ id_check_valid_until: null });
    const r = await s.req();
    expect(await candidates(r.id)).toEqual([]);
    const res = await (await t.as('coordinator')).get(`/api/support-requests/${r.id}/candidates/explain`);
    expect(res.status).toBe(200);
    const ours = [elsewhere.id, expired.id, expiredElsewhere.id, neverChecked.id];
    const misses = (res.body.near_misses as { volunteer_id: number; failed: { code: string; message: string }[] }[]).filter((m) =>
      ours.includes(m.volunteer_id),
    );
    expect(misses.map((m) => m.volunteer_id)).toEqual([expired.id, elsewhere.id, expiredElsewhere.id]);
    // The date as a value too, so the console can word it in its language and write it as on screen.
    expect(misses[0]!.failed).toEqual([
      { code: 'id_check', message: '本人確認の更新が必要 (有効期限 2026-02-28)', params: { date: '2026-02-28' } },
    ]);
    expect(misses[2]!.failed.map((f) => f.code)).toEqual(['id_check', 'mode_area']);
  });

  it('names the filter that emptied the list and offers near-misses', async () => {
    const s = scene();
    const elsewhere = await s.vol({ service_municipality_codes: ['132012'] });
    const r = await s.req();
    expect(await candidates(r.id)).toEqual([]);
    const res = await (await t.as('coordinator')).get(`/api/support-requests/${r.id}/candidates/explain`);
    expect(res.status).toBe(200);
    expect(res.body.emptied_by.code).toBe('mode_area');
    const miss = res.body.near_misses.find((m: { volunteer_id: number }) => m.volunteer_id === elsewhere.id);
    expect(miss.failed.map((f: { code: string }) => f.code)).toEqual(['mode_area']);
    // The chip says what is wrong, not a double negative.
    expect(miss.failed[0].message).toBe('依頼の区市町村で活動できない (オンラインの依頼ならオンライン不可)');
    expect(JSON.stringify(res.body.near_misses)).not.toContain('満たしていない');
    expect(res.body.steps.map((st: { code: string }) => st.code)).toEqual([
      'active',
      'id_check',
      'language',
      'mode_area',
      'availability',
      'free',
      'monthly_limit',
    ]);
  });

  it('does not offer someone missing three conditions as a near-miss', async () => {
    const s = scene();
    // Wrong area, wrong language and no availability that day: three conditions missed.
    const far = await s.vol({ service_municipality_codes: ['132012'], languages: ['sw'], availability: [] });
    const close = await s.vol({ service_municipality_codes: ['132012'] });
    const r = await s.req();
    const res = await (await t.as('coordinator')).get(`/api/support-requests/${r.id}/candidates/explain`);
    const ids = res.body.near_misses.map((m: { volunteer_id: number }) => m.volunteer_id);
    expect(ids).toContain(close.id);
    expect(ids).not.toContain(far.id);
  });

  it('answers 404 for a missing request and 403 for roles without access', async () => {
    expect((await (await t.as('coordinator')).get('/api/support-requests/999999/candidates')).status).toBe(404);
  });
});
