import request from 'supertest';
import { enrolStaff, signIn as signInWithCode } from './helpers/totp.js';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { useTestApp } from './helpers/app.js';
import { createStaff, TEST_PASSWORD } from './helpers/factories.js';

const t = useTestApp();

const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const sidOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('sid='));
const cookiePair = (res: request.Response) => sidOf(res)!.split(';')[0]!;

async function signIn(email: string, userAgent = CHROME_WINDOWS, app = t.app, password = TEST_PASSWORD) {
  const res = await request(app).post('/api/auth/login').set('User-Agent', userAgent).send({ email, password });
  expect(res.status).toBe(200);
  return cookiePair(res);
}
const me = (cookie: string, app = t.app) => request(app).get('/api/auth/me').set('Cookie', cookie);

describe('changing one’s own password', () => {
  it('needs the current password; a wrong one is a field error and changes nothing', async () => {
    const staff = await createStaff(t.db.knex);
    const cookie = await signIn(staff.email);
    const before = (await t.db.knex('staff').where('id', staff.id).first()).password_hash;
    const put = (body: object) => request(t.app).put(`/api/staff/${staff.id}/password`).set('Cookie', cookie).send(body);

    const missing = await put({ password: 'a-brand-new-password' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toHaveProperty('current_password');
    const wrong = await put({ password: 'a-brand-new-password', current_password: 'not-my-password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.current_password).toMatch(/現在のパスワード/);
    expect((await t.db.knex('staff').where('id', staff.id).first()).password_hash).toBe(before);
    expect((await me(cookie)).status).toBe(200);

    const ok = await put({ password: 'a-brand-new-password', current_password: TEST_PASSWORD });
    expect(ok.status).toBe(204);
    expect((await request(t.app).post('/api/auth/login').send({ email: staff.email, password: 'a-brand-new-password' })).status).toBe(200);
    const audit = await t.db.knex('audit_log').where({ resource: 'staff', record_id: String(staff.id), action: 'update' });
    expect(audit.map((a) => a.changed_fields)).toEqual([['password']]);
  });

  it('counts wrong current passwords toward the login limits', async () => {
    const staff = await createStaff(t.db.knex);
    const cookie = await signIn(staff.email);
    const put = (current_password: string) =>
      request(t.app)
        .put(`/api/staff/${staff.id}/password`)
        .set('Cookie', cookie)
        .send({ password: 'a-brand-new-password', current_password });
    for (let i = 0; i < 10; i++) expect((await put(`guess-${i}`)).status).toBe(400);
    const limited = await put(TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The same count stops password guessing at the login form.
    expect((await request(t.app).post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD })).status).toBe(429);
  });

  it('lets an admin set another person’s password without knowing it, but not their own', async () => {
    const admin = await createStaff(t.db.knex, { role: 'admin' });
    const other = await createStaff(t.db.knex);
    // Admins sign in with a second factor.
    await enrolStaff(t.db, admin.id);
    const cookie = cookiePair(await signInWithCode(request.agent(t.app), admin.email, TEST_PASSWORD));
    expect(
      (await request(t.app).put(`/api/staff/${other.id}/password`).set('Cookie', cookie).send({ password: 'reset-by-admin-1' })).status,
    ).toBe(204);
    const own = await request(t.app).put(`/api/staff/${admin.id}/password`).set('Cookie', cookie).send({ password: 'reset-by-admin-1' });
    expect(own.status).toBe(400);
    expect(own.body.errors).toHaveProperty('current_password');
  });

  it('keeps the Secure flag on the cookie it issues after the change', async () => {
    const secureApp = buildApp(t.db, { sessionSecret: 'test-secret-'.padEnd(48, 'x'), cookieSecure: true, log: (e) => t.errors.push(e) });
    const staff = await createStaff(t.db.knex);
    const login = await request(secureApp).post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD });
    expect(sidOf(login)).toMatch(/;\s*Secure/i);
    const res = await request(secureApp)
      .put(`/api/staff/${staff.id}/password`)
      .set('Cookie', cookiePair(login))
      .send({ password: 'a-brand-new-password', current_password: TEST_PASSWORD });
    expect(res.status).toBe(204);
    const fresh = sidOf(res)!;
    expect(fresh).toMatch(/;\s*Secure/i);
    expect(fresh).toMatch(/HttpOnly/i);
    expect(fresh).toMatch(/SameSite=Strict/i);
    expect((await me(fresh.split(';')[0]!, secureApp)).status).toBe(200);
  });
});

describe('session lifetime', () => {
  it('reads SESSION_MAX_DAYS, 7 by default', () => {
    expect(loadConfig({}).sessionMaxDays).toBe(7);
    expect(loadConfig({ SESSION_MAX_DAYS: '2' }).sessionMaxDays).toBe(2);
    expect(() => loadConfig({ SESSION_MAX_DAYS: '0' })).toThrow(/SESSION_MAX_DAYS/);
  });

  it('ends a session older than the absolute lifetime even while it is in use', async () => {
    const staff = await createStaff(t.db.knex);
    const cookie = await signIn(staff.email);
    // Six days and 23 hours old, used a moment ago: still good, and its expiry never passes day 7.
    await t.db
      .knex('sessions')
      .where('staff_id', staff.id)
      .update({
        created_at: t.db.knex.raw(`now() - interval '6 days 23 hours'`),
        last_seen_at: t.db.knex.raw(`now() - interval '2 minutes'`),
      });
    expect((await me(cookie)).status).toBe(200);
    const row = await t.db.knex('sessions').where('staff_id', staff.id).first();
    expect(new Date(row.expires_at).getTime()).toBeLessThanOrEqual(new Date(row.created_at).getTime() + 7 * 86_400_000);
    // A little later it is over seven days old: used every minute or not, it has ended.
    await t.db
      .knex('sessions')
      .where('staff_id', staff.id)
      .update({
        created_at: t.db.knex.raw(`now() - interval '7 days 1 minute'`),
        last_seen_at: t.db.knex.raw('now()'),
        expires_at: t.db.knex.raw(`now() + interval '12 hours'`),
      });
    expect((await me(cookie)).status).toBe(401);
  });

  it('keeps at most 10 sessions per person, ending the oldest', async () => {
    const staff = await createStaff(t.db.knex);
    const cookies: string[] = [];
    for (let i = 0; i < 11; i++) {
      cookies.push(await signIn(staff.email));
      // Distinct creation times, oldest first.
      await t.db
        .knex('sessions')
        .where('staff_id', staff.id)
        .update({ created_at: t.db.knex.raw(`created_at - interval '1 minute'`) });
    }
    expect(await t.db.knex('sessions').where('staff_id', staff.id)).toHaveLength(10);
    expect((await me(cookies[0]!)).status).toBe(401);
    for (const cookie of cookies.slice(1)) expect((await me(cookie)).status).toBe(200);
  });
});

describe('my sessions', () => {
  it('lists the caller’s sessions with a public id, times, browser and address, marking the current one', async () => {
    const staff = await createStaff(t.db.knex);
    const other = await createStaff(t.db.knex);
    const phone = await signIn(staff.email, SAFARI_IPHONE);
    const desk = await signIn(staff.email, CHROME_WINDOWS);
    await signIn(other.email);
    const res = await request(t.app).get('/api/auth/sessions').set('Cookie', desk);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    const stored = await t.db.knex('sessions').where('staff_id', staff.id);
    for (const s of res.body) {
      expect(Object.keys(s).sort()).toEqual(['created_at', 'current', 'expires_at', 'id', 'ip', 'last_seen_at', 'user_agent']);
      expect(stored.map((r) => r.id)).not.toContain(s.id);
      expect(phone + desk).not.toContain(s.id);
      expect(s.ip).toMatch(/127\.0\.0\.1|::1/);
    }
    const current = res.body.find((s: { current: boolean }) => s.current);
    expect(current.user_agent).toBe('Chrome 131 (Windows)');
    expect(res.body.find((s: { current: boolean }) => !s.current).user_agent).toBe('Safari 17 (iPhone)');
    expect(res.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
  });

  it('ends one of the caller’s sessions, with an audit entry, and never somebody else’s', async () => {
    const staff = await createStaff(t.db.knex);
    const other = await createStaff(t.db.knex);
    const phone = await signIn(staff.email, SAFARI_IPHONE);
    const desk = await signIn(staff.email);
    const theirs = await signIn(other.email);
    const mine = (await request(t.app).get('/api/auth/sessions').set('Cookie', desk)).body;
    const phoneSession = mine.find((s: { current: boolean }) => !s.current);
    const otherSession = (await request(t.app).get('/api/auth/sessions').set('Cookie', theirs)).body[0];

    const foreign = await request(t.app).delete(`/api/auth/sessions/${otherSession.id}`).set('Cookie', desk);
    expect(foreign.status).toBe(404);
    expect((await me(theirs)).status).toBe(200);
    expect((await request(t.app).delete('/api/auth/sessions/not-an-id').set('Cookie', desk)).status).toBe(400);
    expect((await request(t.app).delete(`/api/auth/sessions/${phoneSession.id}`)).status).toBe(401);

    const ended = await request(t.app).delete(`/api/auth/sessions/${phoneSession.id}`).set('Cookie', desk);
    expect(ended.status).toBe(204);
    expect((await me(phone)).status).toBe(401);
    expect((await me(desk)).status).toBe(200);
    expect(await t.db.knex('sessions').where('public_id', phoneSession.id)).toHaveLength(0);
    const audit = await t.db.knex('audit_log').where({ resource: 'sessions', record_id: phoneSession.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staff_id: staff.id, action: 'delete' });
    expect((await request(t.app).delete(`/api/auth/sessions/${phoneSession.id}`).set('Cookie', desk)).status).toBe(404);
  });

  it('ends the current session too, clearing its cookie', async () => {
    const staff = await createStaff(t.db.knex);
    const desk = await signIn(staff.email);
    const [current] = (await request(t.app).get('/api/auth/sessions').set('Cookie', desk)).body;
    const res = await request(t.app).delete(`/api/auth/sessions/${current.id}`).set('Cookie', desk);
    expect(res.status).toBe(204);
    expect(sidOf(res)).toMatch(/^sid=;/);
    expect((await me(desk)).status).toBe(401);
  });
});
