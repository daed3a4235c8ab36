import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import type { Role } from '../server/domain/enums.js';
import { useTestApp } from './helpers/app.js';
import { engineName } from './helpers/db.js';
import { createStaff, TEST_PASSWORD } from './helpers/factories.js';
import { TEST_SESSION_SECRET, totpCode } from './helpers/totp.js';

const t = useTestApp();

/** The clock the app checks codes against: tests move it, nothing sleeps. */
const clock = { ms: Date.UTC(2026, 10, 30, 1, 0, 0) };
const now = () => new Date(clock.ms);
const tick = (steps = 1) => {
  clock.ms += steps * 30_000;
};
const code = (secret: string, offsetSteps = 0) => totpCode(secret, new Date(clock.ms + offsetSteps * 30_000));

let app: Express;
beforeAll(() => {
  app = buildApp(t.db, { sessionSecret: TEST_SESSION_SECRET, now, log: (err) => t.errors.push(err) });
});

type Agent = ReturnType<typeof request.agent>;
const cookieNames = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split('=')[0]);
const hasSession = (res: request.Response) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).some((c) => c.startsWith('sid=') && !c.startsWith('sid=;'));

const login = (agent: Agent, email: string) => agent.post('/api/auth/login').send({ email, password: TEST_PASSWORD });

/** A staff member of `role` who has enrolled through the API; the agent is signed in. */
async function enrolled(role: Role = 'coordinator') {
  const staff = await createStaff(t.db.knex, { role });
  const agent = request.agent(app);
  const first = await login(agent, staff.email);
  expect(first.status).toBe(200);
  const start = await agent.post('/api/auth/totp/enrolment').send({});
  expect(start.status).toBe(201);
  const confirm = await agent.post('/api/auth/totp/enrolment/confirm').send({ code: await code(start.body.secret) });
  expect(confirm.status).toBe(200);
  return { staff, agent, secret: start.body.secret as string, recovery: confirm.body.recovery_codes as string[] };
}

async function adminAgent(): Promise<Agent> {
  return (await enrolled('admin')).agent;
}

const auditOf = (staffId: number) =>
  t.db
    .knex('audit_log')
    .where((q) => q.where({ resource: 'totp', record_id: String(staffId) }).orWhere({ resource: 'auth', record_id: String(staffId) }))
    .orderBy('id');

describe('TOTP enrolment', () => {
  it('is optional for a coordinator: a key with QR code, confirmed by a code, then ten recovery codes once', async () => {
    const staff = await createStaff(t.db.knex, { role: 'coordinator' });
    const agent = request.agent(app);
    const first = await login(agent, staff.email);
    expect(first.body).toMatchObject({ id: staff.id, role: 'coordinator' });
    expect((await agent.get('/api/auth/totp')).body).toMatchObject({ enabled: false, required: false, recovery_codes_remaining: 0 });

    const start = await agent.post('/api/auth/totp/enrolment').send({});
    expect(start.status).toBe(201);
    const secret: string = start.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(start.body.otpauth_uri).toMatch(/^otpauth:\/\/totp\/Spot%20Otonari:/);
    expect(start.body.otpauth_uri).toContain(`secret=${secret}`);
    expect(start.body.qr_code).toMatch(/^data:image\/png;base64,/);
    let row = await t.db.knex('staff_totp').where('staff_id', staff.id).first();
    expect(row.enabled_at).toBeNull();
    expect(row.pending_secret).not.toContain(secret);

    const wrong = await agent.post('/api/auth/totp/enrolment/confirm').send({ code: await code(secret, 5) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.code).toBe('確認コードが正しくありません。');
    expect((await t.db.knex('staff_totp').where('staff_id', staff.id).first()).enabled_at).toBeNull();

    // Full-width digits, as a Japanese input method may type them, are accepted.
    const typed = (await code(secret)).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const confirm = await agent.post('/api/auth/totp/enrolment/confirm').send({ code: typed });
    expect(confirm.status).toBe(200);
    const codes: string[] = confirm.body.recovery_codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    expect(confirm.body.staff).toBeUndefined();

    row = await t.db.knex('staff_totp').where('staff_id', staff.id).first();
    expect(row.enabled_at).not.toBeNull();
    expect(row.pending_secret).toBeNull();
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain(secret);
    const hashes = await t.db.knex('staff_recovery_codes').where('staff_id', staff.id).pluck('code_hash');
    expect(hashes).toHaveLength(10);
    for (const c of codes) expect(JSON.stringify(hashes)).not.toContain(c.replace(/-/g, ''));

    const status = (await agent.get('/api/auth/totp')).body;
    expect(status).toMatchObject({ enabled: true, required: false, recovery_codes_remaining: 10, enrolment_pending: false });
    expect(JSON.stringify(status)).not.toContain(secret);

    const audits = (await auditOf(staff.id)).filter((a) => a.resource === 'totp');
    expect(audits.map((a) => [a.action, a.details?.event])).toEqual([
      ['update', 'enrolment_started'],
      ['create', 'enabled'],
    ]);
    const text = JSON.stringify(audits);
    expect(text).not.toContain(secret);
    for (const c of codes) expect(text).not.toContain(c);

    const admin = await adminAgent();
    const list = await admin.get('/api/staff').query({ range: '[0,99]' });
    const shown = list.body.find((s: { id: number }) => s.id === staff.id);
    expect(shown.totp_enabled).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(row.secret);
    // react-admin sends the whole record back: the flag is read-only, not an error.
    const edit = await admin.put(`/api/staff/${staff.id}`).send({ ...shown, display_name: '名前 変更', totp_enabled: false });
    expect(edit.status).toBe(200);
    expect(edit.body.totp_enabled).toBe(true);
  });

  it('redoes enrolment (a new phone) only with a current code, keeping the old key until the new one is confirmed', async () => {
    const { agent, secret, staff } = await enrolled();
    tick();
    expect((await agent.post('/api/auth/totp/enrolment').send({})).status).toBe(400);
    const again = await agent.post('/api/auth/totp/enrolment').send({ code: await code(secret) });
    expect(again.status).toBe(201);
    const fresh: string = again.body.secret;
    expect(fresh).not.toBe(secret);
    tick();
    // Not confirmed yet: the old key still signs in.
    const other = request.agent(app);
    await login(other, staff.email);
    expect((await other.post('/api/auth/login/totp').send({ code: await code(secret) })).status).toBe(200);
    tick();
    const confirm = await agent.post('/api/auth/totp/enrolment/confirm').send({ code: await code(fresh) });
    expect(confirm.status).toBe(200);
    expect((await auditOf(staff.id)).at(-1)).toMatchObject({ action: 'update', details: { event: 're_enrolled' } });
    tick();
    const third = request.agent(app);
    await login(third, staff.email);
    expect((await third.post('/api/auth/login/totp').send({ code: await code(secret) })).status).toBe(401);
    expect((await third.post('/api/auth/login/totp').send({ code: await code(fresh) })).status).toBe(200);
  });
});

describe('login with TOTP', () => {
  it('asks for the code after the password, with a challenge cookie and no session', async () => {
    const { staff, secret } = await enrolled();
    tick();
    const agent = request.agent(app);
    const first = await login(agent, staff.email);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ second_factor: 'totp' });
    expect(first.body).not.toHaveProperty('role');
    expect(cookieNames(first)).toEqual(['sid_2fa']);
    const challengeCookie = ([] as string[]).concat(first.headers['set-cookie'] ?? [])[0]!;
    expect(challengeCookie).toMatch(/HttpOnly/i);
    expect(challengeCookie).toMatch(/SameSite=Strict/i);
    expect(Date.parse(first.body.expires_at) - clock.ms).toBeLessThanOrEqual(5 * 60_000);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect((await agent.get('/api/partners')).status).toBe(401);
    expect(await t.db.knex('sessions').where('staff_id', staff.id)).toHaveLength(1); // the one from enrolled()

    const second = await agent.post('/api/auth/login/totp').send({ code: await code(secret) });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ id: staff.id, email: staff.email, display_name: staff.display_name, role: 'coordinator' });
    expect(hasSession(second)).toBe(true);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect(await t.db.knex('login_challenges').where('staff_id', staff.id)).toHaveLength(0);
    expect((await auditOf(staff.id)).at(-1)).toMatchObject({ action: 'login', resource: 'auth', details: { second_factor: 'totp' } });
  });

  it('refuses a wrong code with 401 and counts it, without a session', async () => {
    const { staff, secret } = await enrolled();
    tick();
    const agent = request.agent(app);
    await login(agent, staff.email);
    const wrong = await agent.post('/api/auth/login/totp').send({ code: await code(secret, 3) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('確認コードが正しくありません。');
    expect(hasSession(wrong)).toBe(false);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect(await t.db.knex('rate_limits').where('key', `totp:staff:${staff.id}`).first('points')).toEqual({ points: 1 });
    const notACode = await agent.post('/api/auth/login/totp').send({ code: 'hello' });
    expect(notACode.status).toBe(401);
    const missing = await agent.post('/api/auth/login/totp').send({});
    expect(missing.status).toBe(400);
    expect(missing.body.errors.code).toBe('確認コードを入力してください。');
  });

  it('accepts one step of clock drift either way, not two', async () => {
    const { staff, secret } = await enrolled();
    tick(10);
    const agent = request.agent(app);
    await login(agent, staff.email);
    expect((await agent.post('/api/auth/login/totp').send({ code: await code(secret, -2) })).status).toBe(401);
    expect((await agent.post('/api/auth/login/totp').send({ code: await code(secret, 2) })).status).toBe(401);
    expect((await agent.post('/api/auth/login/totp').send({ code: await code(secret, -1) })).status).toBe(200);
    const again = request.agent(app);
    await login(again, staff.email);
    expect((await again.post('/api/auth/login/totp').send({ code: await code(secret, 1) })).status).toBe(200);
  });

  it('never accepts a code twice, nor an earlier one, even from another browser', async () => {
    const { staff, secret } = await enrolled();
    // The code that confirmed the enrolment is used up already.
    const a = request.agent(app);
    await login(a, staff.email);
    expect((await a.post('/api/auth/login/totp').send({ code: await code(secret) })).status).toBe(401);
    tick();
    const used = await code(secret);
    expect((await a.post('/api/auth/login/totp').send({ code: used })).status).toBe(200);
    const b = request.agent(app);
    await login(b, staff.email);
    expect((await b.post('/api/auth/login/totp').send({ code: used })).status).toBe(401);
    // The previous step's code is within the drift window but older than the last one used.
    expect((await b.post('/api/auth/login/totp').send({ code: await code(secret, -1) })).status).toBe(401);
    tick();
    expect((await b.post('/api/auth/login/totp').send({ code: await code(secret) })).status).toBe(200);
    const row = await t.db.knex('staff_totp').where('staff_id', staff.id).first();
    expect(Number(row.last_time_step)).toBe(Math.floor(clock.ms / 30_000));
  });

  // PGlite has one connection, so only PostgreSQL can race these.
  it.runIf(engineName() === 'postgres')(
    'accepts a code, or a recovery code, once when several browsers send it at the same moment',
    async () => {
      const { staff, secret, recovery } = await enrolled();
      tick();
      const browsers = async (n: number) => {
        const agents: Agent[] = [];
        for (let i = 0; i < n; i++) {
          const agent = request.agent(app);
          await login(agent, staff.email);
          agents.push(agent);
        }
        return agents;
      };
      // Five: a sixth simultaneous attempt would go past the limit of wrong codes (5) and get 429.
      const same = await code(secret);
      const first = await Promise.all((await browsers(5)).map((a) => a.post('/api/auth/login/totp').send({ code: same })));
      expect(first.map((r) => r.status).sort()).toEqual([200, 401, 401, 401, 401]);
      await t.db.knex('rate_limits').where('key', `totp:staff:${staff.id}`).delete();
      const second = await Promise.all((await browsers(5)).map((a) => a.post('/api/auth/login/totp').send({ code: recovery[0] })));
      expect(second.map((r) => r.status).sort()).toEqual([200, 401, 401, 401, 401]);
      expect(await t.db.knex('staff_recovery_codes').where('staff_id', staff.id).whereNotNull('used_at')).toHaveLength(1);
    },
  );

  it('lets the state after the password last five minutes only', async () => {
    const { staff, secret } = await enrolled();
    tick();
    const agent = request.agent(app);
    await login(agent, staff.email);
    tick(11); // 5.5 minutes
    const late = await agent.post('/api/auth/login/totp').send({ code: await code(secret) });
    expect(late.status).toBe(401);
    expect(late.body.message).toMatch(/時間切れ/);
    await login(agent, staff.email);
    expect((await agent.post('/api/auth/login/totp').send({ code: await code(secret) })).status).toBe(200);
  });

  it('throttles wrong codes like wrong passwords: after five, even the right code gets 429', async () => {
    const { staff, secret, recovery } = await enrolled();
    tick();
    const agent = request.agent(app);
    await login(agent, staff.email);
    for (let i = 0; i < 5; i++) {
      expect((await agent.post('/api/auth/login/totp').send({ code: String(100000 + i) })).status).toBe(401);
    }
    const limited = await agent.post('/api/auth/login/totp').send({ code: await code(secret) });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expect(hasSession(limited)).toBe(false);
    // A new password login does not reset the count of wrong codes.
    await login(agent, staff.email);
    expect((await agent.post('/api/auth/login/totp').send({ code: await code(secret) })).status).toBe(429);
    // Nor does a recovery code escape it, and nothing was used up.
    expect((await agent.post('/api/auth/login/totp').send({ code: recovery[0] })).status).toBe(429);
    expect(await t.db.knex('staff_recovery_codes').where('staff_id', staff.id).whereNotNull('used_at')).toHaveLength(0);
    expect(await t.db.knex('rate_limits').where('key', `totp:staff:${staff.id}`).first('points')).toEqual({ points: 5 });
    expect(await t.db.knex('sessions').where('staff_id', staff.id)).toHaveLength(1); // the one from enrolled()
  });
});

describe('recovery codes', () => {
  it('each signs in once in place of a code, however it is typed', async () => {
    const { staff, recovery } = await enrolled();
    const agent = request.agent(app);
    await login(agent, staff.email);
    const typed = ` ${recovery[3]!.toLowerCase().replace(/-/g, ' ')} `;
    const res = await agent.post('/api/auth/login/totp').send({ code: typed });
    expect(res.status).toBe(200);
    expect((await auditOf(staff.id)).at(-1)).toMatchObject({
      action: 'login',
      details: { second_factor: 'recovery_code', recovery_codes_remaining: 9 },
    });
    expect(await t.db.knex('staff_recovery_codes').where('staff_id', staff.id).whereNotNull('used_at')).toHaveLength(1);
    const again = request.agent(app);
    await login(again, staff.email);
    expect((await again.post('/api/auth/login/totp').send({ code: recovery[3] })).status).toBe(401);
    expect((await again.post('/api/auth/login/totp').send({ code: recovery[4] })).status).toBe(200);
    expect((await again.get('/api/auth/totp')).body.recovery_codes_remaining).toBe(8);
  });

  it('are replaced with a current code, and the old ones stop working', async () => {
    const { staff, agent, secret, recovery } = await enrolled();
    expect((await agent.post('/api/auth/totp/recovery-codes').send({})).status).toBe(400);
    expect((await agent.post('/api/auth/totp/recovery-codes').send({ code: '000000' })).status).toBe(400);
    tick();
    const res = await agent.post('/api/auth/totp/recovery-codes').send({ code: await code(secret) });
    expect(res.status).toBe(200);
    const fresh: string[] = res.body.recovery_codes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => recovery.includes(c))).toBe(false);
    expect(await t.db.knex('staff_recovery_codes').where('staff_id', staff.id)).toHaveLength(10);
    const audit = (await auditOf(staff.id)).at(-1);
    expect(audit).toMatchObject({ action: 'update', details: { event: 'recovery_codes_regenerated' } });
    expect(JSON.stringify(audit)).not.toContain(fresh[0]);
    const other = request.agent(app);
    await login(other, staff.email);
    expect((await other.post('/api/auth/login/totp').send({ code: recovery[0] })).status).toBe(401);
    expect((await other.post('/api/auth/login/totp').send({ code: fresh[0] })).status).toBe(200);
  });
});

describe('who must use TOTP', () => {
  it('takes an admin without TOTP through enrolment before any usable session', async () => {
    const staff = await createStaff(t.db.knex, { role: 'admin' });
    const agent = request.agent(app);
    const first = await login(agent, staff.email);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ second_factor: 'totp_enrolment' });
    expect(cookieNames(first)).toEqual(['sid_2fa']);
    expect(await t.db.knex('sessions').where('staff_id', staff.id)).toHaveLength(0);
    // Limited to enrolment: nothing else answers.
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect((await agent.get('/api/staff')).status).toBe(401);
    expect((await agent.put('/api/settings').send({ totp_required_for_all: false })).status).toBe(401);
    expect((await agent.post('/api/auth/totp/recovery-codes').send({ code: '123456' })).status).toBe(401);
    expect((await agent.post('/api/auth/login/totp').send({ code: '123456' })).status).toBe(401);
    expect((await agent.get('/api/auth/totp')).body).toMatchObject({ enabled: false, required: true });

    const start = await agent.post('/api/auth/totp/enrolment').send({});
    expect(start.status).toBe(201);
    const confirm = await agent.post('/api/auth/totp/enrolment/confirm').send({ code: await code(start.body.secret) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.staff).toEqual({ id: staff.id, email: staff.email, display_name: staff.display_name, role: 'admin' });
    expect(confirm.body.recovery_codes).toHaveLength(10);
    expect(hasSession(confirm)).toBe(true);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect((await agent.get('/api/staff')).status).toBe(200);
    expect(await t.db.knex('login_challenges').where('staff_id', staff.id)).toHaveLength(0);
    expect((await auditOf(staff.id)).map((a) => [a.action, a.resource, a.details?.event ?? a.details?.second_factor])).toEqual([
      ['update', 'totp', 'enrolment_started'],
      ['create', 'totp', 'enabled'],
      ['login', 'auth', 'totp_enrolment'],
    ]);

    // An admin cannot turn it off; they can move it to a new phone instead.
    tick();
    const off = await agent.post('/api/auth/totp/disable').send({ code: await code(start.body.secret) });
    expect(off.status).toBe(409);
    expect((await t.db.knex('staff_totp').where('staff_id', staff.id).first()).enabled_at).not.toBeNull();
  });

  it('does not let the enrolment state outlive fifteen minutes', async () => {
    const staff = await createStaff(t.db.knex, { role: 'admin' });
    const agent = request.agent(app);
    await login(agent, staff.email);
    const start = await agent.post('/api/auth/totp/enrolment').send({});
    tick(31);
    expect((await agent.post('/api/auth/totp/enrolment/confirm').send({ code: await code(start.body.secret) })).status).toBe(401);
    expect(await t.db.knex('sessions').where('staff_id', staff.id)).toHaveLength(0);
  });

  it('requires it of every role when the setting says so, and of nobody else otherwise', async () => {
    const admin = await adminAgent();
    const coordinator = await createStaff(t.db.knex, { role: 'secretariat' });
    expect((await login(request.agent(app), coordinator.email)).body).toMatchObject({ role: 'secretariat' });
    const current = (await admin.get('/api/settings')).body;
    expect(current.totp_required_for_all).toBe(false);
    const on = await admin.put('/api/settings').send({ version: current.version, totp_required_for_all: true });
    expect(on.status).toBe(200);
    expect(on.body.totp_required_for_all).toBe(true);
    expect(await t.db.knex('audit_log').where({ resource: 'settings' }).orderBy('id', 'desc').first()).toMatchObject({
      changed_fields: ['totp_required_for_all'],
    });
    try {
      const agent = request.agent(app);
      expect((await login(agent, coordinator.email)).body).toEqual({ second_factor: 'totp_enrolment', expires_at: expect.any(String) });
      expect((await agent.get('/api/auth/me')).status).toBe(401);
      // Enrolled people of any role now cannot turn it off.
      const { agent: enrolledAgent, secret } = await enrolled('volunteer_staff');
      tick();
      expect((await enrolledAgent.post('/api/auth/totp/disable').send({ code: await code(secret) })).status).toBe(409);
      expect((await admin.put('/api/settings').send({ totp_required_for_all: 'yes' })).status).toBe(400);
    } finally {
      expect((await admin.put('/api/settings').send({ totp_required_for_all: false })).status).toBe(200);
    }
    expect((await login(request.agent(app), coordinator.email)).body).toMatchObject({ role: 'secretariat' });
  });
});

describe('turning TOTP off', () => {
  it('needs a current code; afterwards the password alone signs in', async () => {
    const { staff, agent, secret } = await enrolled();
    tick();
    expect((await agent.post('/api/auth/totp/disable').send({})).status).toBe(400);
    const wrong = await agent.post('/api/auth/totp/disable').send({ code: await code(secret, 4) });
    expect(wrong.status).toBe(400);
    expect(await t.db.knex('staff_totp').where('staff_id', staff.id)).toHaveLength(1);
    const off = await agent.post('/api/auth/totp/disable').send({ code: await code(secret) });
    expect(off.status).toBe(204);
    expect(await t.db.knex('staff_totp').where('staff_id', staff.id)).toHaveLength(0);
    expect(await t.db.knex('staff_recovery_codes').where('staff_id', staff.id)).toHaveLength(0);
    expect((await auditOf(staff.id)).at(-1)).toMatchObject({ action: 'delete', details: { event: 'disabled' } });
    expect((await login(request.agent(app), staff.email)).body).toMatchObject({ id: staff.id, role: 'coordinator' });
    expect((await agent.post('/api/auth/totp/disable').send({ code: await code(secret) })).status).toBe(409);
  });

  it('lets an admin reset another person, ending their sessions, audited', async () => {
    const admin = await adminAgent();
    const adminId = (await admin.get('/api/auth/me')).body.id;
    const { staff, agent } = await enrolled('admin');
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    const coordinator = (await enrolled('coordinator')).agent;

    expect((await coordinator.post(`/api/staff/${staff.id}/totp/reset`)).status).toBe(403);
    expect((await admin.post(`/api/staff/${adminId}/totp/reset`)).status).toBe(400);
    expect((await admin.post('/api/staff/999999/totp/reset')).status).toBe(404);
    const res = await admin.post(`/api/staff/${staff.id}/totp/reset`);
    expect(res.status).toBe(204);
    expect(await t.db.knex('staff_totp').where('staff_id', staff.id)).toHaveLength(0);
    expect(await t.db.knex('staff_recovery_codes').where('staff_id', staff.id)).toHaveLength(0);
    expect(await t.db.knex('sessions').where('staff_id', staff.id)).toHaveLength(0);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect(await t.db.knex('audit_log').where({ resource: 'totp', record_id: String(staff.id), action: 'delete' })).toEqual([
      expect.objectContaining({ staff_id: adminId, details: { event: 'reset_by_admin' } }),
    ]);
    expect((await admin.post(`/api/staff/${staff.id}/totp/reset`)).status).toBe(409);
    // Being an admin, they enrol again at their next login.
    expect((await login(request.agent(app), staff.email)).body.second_factor).toBe('totp_enrolment');
  });
});

describe('keys at rest', () => {
  it('are sealed with SESSION_SECRET: another secret cannot use them, but recovery codes still work', async () => {
    const { staff, secret, recovery } = await enrolled();
    tick();
    const other = buildApp(t.db, { sessionSecret: 'another-secret-'.padEnd(48, 'y'), now, log: (err) => t.errors.push(err) });
    const agent = request.agent(other);
    await login(agent, staff.email);
    const res = await agent.post('/api/auth/login/totp').send({ code: await code(secret) });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/リカバリーコード/);
    expect((await agent.post('/api/auth/login/totp').send({ code: recovery[0] })).status).toBe(200);
  });
});
