import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createStaff, TEST_PASSWORD } from './helpers/factories.js';
import { enrolStaff, TEST_TOTP_SECRET, totpCode } from './helpers/totp.js';

/**
 * A session must never give more than its sign-in proved: when a second factor becomes
 * required of someone, a session opened without one ends; a half-done sign-in ends with the
 * password it was started with.
 */
const t = useTestApp();

type Agent = ReturnType<typeof request.agent>;
const login = (agent: Agent, email: string) => agent.post('/api/auth/login').send({ email, password: TEST_PASSWORD });

describe('sessions and the second factor', () => {
  it('ends the sessions of a person whose role changes, so a new admin signs in again with a code', async () => {
    const staff = await createStaff(t.db.knex, { role: 'coordinator' });
    const agent = request.agent(t.app);
    expect((await login(agent, staff.email)).status).toBe(200);
    const admin = await t.as('admin');
    const current = (await admin.get(`/api/staff/${staff.id}`)).body;
    const put = await admin.put(`/api/staff/${staff.id}`).send({ ...current, role: 'admin' });
    expect(put.status).toBe(200);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect(await t.db.knex('sessions').where('staff_id', staff.id)).toHaveLength(0);
    // Signing in again now asks for enrolment.
    expect((await login(request.agent(t.app), staff.email)).body).toMatchObject({ second_factor: 'totp_enrolment' });
  });

  it('keeps the sessions of a person whose other details change', async () => {
    const staff = await createStaff(t.db.knex, { role: 'coordinator' });
    const agent = request.agent(t.app);
    expect((await login(agent, staff.email)).status).toBe(200);
    const admin = await t.as('admin');
    const current = (await admin.get(`/api/staff/${staff.id}`)).body;
    expect((await admin.put(`/api/staff/${staff.id}`).send({ ...current, display_name: '改名 太郎' })).status).toBe(200);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
  });

  it('ends the sessions of everyone without TOTP when it becomes required of all, and only theirs', async () => {
    const without = await createStaff(t.db.knex, { role: 'secretariat' });
    const withTotp = await createStaff(t.db.knex, { role: 'secretariat' });
    await enrolStaff(t.db, withTotp.id);
    const plain = request.agent(t.app);
    expect((await login(plain, without.email)).status).toBe(200);
    const enrolled = request.agent(t.app);
    expect((await login(enrolled, withTotp.email)).body).toMatchObject({ second_factor: 'totp' });
    expect((await enrolled.post('/api/auth/login/totp').send({ code: await totpCode(TEST_TOTP_SECRET) })).status).toBe(200);
    const admin = await t.as('admin');
    const settings = (await admin.get('/api/settings')).body;
    const put = await admin.put('/api/settings').send({ version: settings.version, totp_required_for_all: true });
    expect(put.status).toBe(200);
    expect((await plain.get('/api/auth/me')).status).toBe(401);
    expect((await enrolled.get('/api/auth/me')).status).toBe(200);
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    await admin.put('/api/settings').send({ version: put.body.version, totp_required_for_all: false });
  });

  it('ends a half-done sign-in when the password changes: the old password cannot finish enrolment', async () => {
    const staff = await createStaff(t.db.knex, { role: 'admin' });
    const attacker = request.agent(t.app);
    expect((await login(attacker, staff.email)).body).toMatchObject({ second_factor: 'totp_enrolment' });
    const admin = await t.as('admin');
    expect((await admin.put(`/api/staff/${staff.id}/password`).send({ password: 'a-new-strong-password' })).status).toBe(204);
    expect(await t.db.knex('login_challenges').where('staff_id', staff.id)).toHaveLength(0);
    const start = await attacker.post('/api/auth/totp/enrolment').send({});
    expect(start.status).toBe(401);
  });

  it('records ended sessions on the login only when some were ended', async () => {
    const staff = await createStaff(t.db.knex, { role: 'coordinator' });
    expect((await login(request.agent(t.app), staff.email)).status).toBe(200);
    const entry = await t.db
      .knex('audit_log')
      .where({ action: 'login', record_id: String(staff.id) })
      .orderBy('id', 'desc')
      .first();
    expect(entry.details ?? {}).not.toHaveProperty('ended_sessions');
  });

  it('refuses a code with 401, not 500, when another server with a faster clock accepted a later step', async () => {
    const staff = await createStaff(t.db.knex, { role: 'coordinator' });
    await enrolStaff(t.db, staff.id);
    const ahead = Math.floor(Date.now() / 30_000) + 5;
    await t.db.knex('staff_totp').where('staff_id', staff.id).update({ last_time_step: ahead });
    const agent = request.agent(t.app);
    expect((await login(agent, staff.email)).body).toMatchObject({ second_factor: 'totp' });
    const res = await agent.post('/api/auth/login/totp').send({ code: await totpCode(TEST_TOTP_SECRET) });
    expect(res.status).toBe(401);
    expect(t.errors).toEqual([]);
  });
});
