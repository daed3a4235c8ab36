import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createStaff, TEST_PASSWORD } from './helpers/factories.js';

const t = useTestApp();

const sessionCookie = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('sid='));

describe('staff authentication', () => {
  it('logs in with an httpOnly, SameSite=Strict cookie and returns the staff member', async () => {
    const staff = await createStaff(t.db.knex, { role: 'secretariat' });
    const res = await request(t.app).post('/api/auth/login').send({ email: staff.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: staff.id, email: staff.email, display_name: staff.display_name, role: 'secretariat' });
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await request(t.app).get('/api/auth/me').set('Cookie', cookie.split(';')[0]!);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(staff.id);
    expect(me.body).not.toHaveProperty('password_hash');
    const stored = await t.db.knex('sessions').where('staff_id', staff.id);
    expect(stored).toHaveLength(1);
    // The database keeps a hash, never the token the browser holds.
    expect(cookie).not.toContain(stored[0].id);
  });

  it('gives one 401 message for an unknown email and a wrong password alike', async () => {
    const staff = await createStaff(t.db.knex);
    const wrong = await request(t.app).post('/api/auth/login').send({ email: staff.email, password: 'nope-nope-nope' });
    const unknown = await request(t.app).post('/api/auth/login').send({ email: 'nobody@test.example', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    // The same words (each answer quotes its own request id).
    const { request_id: _w, ...wrongBody } = wrong.body;
    const { request_id: _u, ...unknownBody } = unknown.body;
    expect(wrongBody).toEqual(unknownBody);
    expect(wrong.body.error).toBe('unauthenticated');
    expect(sessionCookie(wrong)).toBeUndefined();
  });

  it('answers 401 without a session, with a forged cookie, and for /me after logout', async () => {
    expect((await request(t.app).get('/api/auth/me')).status).toBe(401);
    expect((await request(t.app).get('/api/partners')).status).toBe(401);
    expect((await request(t.app).get('/api/partners').set('Cookie', 'sid=forged.signature')).status).toBe(401);
    const staff = await createStaff(t.db.knex);
    const agent = request.agent(t.app);
    await agent.post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD });
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    const out = await agent.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect(await t.db.knex('sessions').where('staff_id', staff.id)).toHaveLength(0);
  });

  it('rotates the session at login: the old cookie stops working', async () => {
    const staff = await createStaff(t.db.knex);
    const first = await request(t.app).post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD });
    const oldCookie = sessionCookie(first)!.split(';')[0]!;
    const second = await request(t.app)
      .post('/api/auth/login')
      .set('Cookie', oldCookie)
      .send({ email: staff.email, password: TEST_PASSWORD });
    const newCookie = sessionCookie(second)!.split(';')[0]!;
    expect(newCookie).not.toBe(oldCookie);
    expect((await request(t.app).get('/api/auth/me').set('Cookie', oldCookie)).status).toBe(401);
    expect((await request(t.app).get('/api/auth/me').set('Cookie', newCookie)).status).toBe(200);
  });

  it('keeps sessions in the database: a second app on the same database accepts the cookie', async () => {
    const { buildApp } = await import('../server/app.js');
    const other = buildApp(t.db, { sessionSecret: 'test-secret-'.padEnd(48, 'x'), log: () => {} });
    const staff = await createStaff(t.db.knex);
    const res = await request(t.app).post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD });
    const cookie = sessionCookie(res)!.split(';')[0]!;
    expect((await request(other).get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
  });

  it('refuses an inactive staff member and rate-limits repeated failures with 429', async () => {
    const inactive = await createStaff(t.db.knex, { active: false });
    const refused = await request(t.app).post('/api/auth/login').send({ email: inactive.email, password: TEST_PASSWORD });
    // With the right password the person is told the account is off, not that the password is wrong.
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('無効');
    expect(refused.headers['set-cookie']).toBeUndefined();
    const guessed = await request(t.app).post('/api/auth/login').send({ email: inactive.email, password: 'wrong-password' });
    expect(guessed.status).toBe(401);
    expect(guessed.body.message).not.toContain('無効');
    const staff = await createStaff(t.db.knex);
    for (let i = 0; i < 10; i++) {
      expect((await request(t.app).post('/api/auth/login').send({ email: staff.email, password: 'wrong-password' })).status).toBe(401);
    }
    const limited = await request(t.app).post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
  });

  it('validates the login body', async () => {
    const res = await request(t.app).post('/api/auth/login').send({ email: 'a@b.example' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('password');
  });
});
