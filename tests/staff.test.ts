import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createStaff, TEST_PASSWORD } from './helpers/factories.js';

const t = useTestApp();

describe('staff accounts (admin)', () => {
  it('lets an admin create staff with an initial password that is never returned', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/staff').send({
      email: 'New.Coordinator@Test.example',
      display_name: '新人 コーディネーター',
      role: 'coordinator',
      password: 'initial-pass-123',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'new.coordinator@test.example', role: 'coordinator', active: true });
    expect(res.body).not.toHaveProperty('password');
    expect(res.body).not.toHaveProperty('password_hash');
    const stored = await t.db.knex('staff').where('id', res.body.id).first();
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain('initial-pass-123');
    const login = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'new.coordinator@test.example', password: 'initial-pass-123' });
    expect(login.status).toBe(200);
    const list = await admin.get('/api/staff').query({ range: '[0,99]' });
    expect(JSON.stringify(list.body)).not.toMatch(/password/);
    const audit = await t.db
      .knex('audit_log')
      .where({ resource: 'staff', action: 'create', record_id: String(res.body.id) })
      .first();
    expect(JSON.stringify(audit)).not.toContain('initial-pass-123');
  });

  it('refuses a duplicate email with a field error and a short password', async () => {
    const admin = await t.as('admin');
    const existing = await createStaff(t.db.knex);
    const dup = await admin
      .post('/api/staff')
      .send({ email: existing.email, display_name: 'x', role: 'secretariat', password: 'long-enough-pw' });
    expect(dup.status).toBe(400);
    expect(dup.body.errors).toHaveProperty('email');
    const short = await admin
      .post('/api/staff')
      .send({ email: 'short@test.example', display_name: 'x', role: 'secretariat', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors).toHaveProperty('password');
  });

  it('ends every session of a staff member who is deactivated', async () => {
    const admin = await t.as('admin');
    const staff = await createStaff(t.db.knex, { role: 'coordinator' });
    const agent = request.agent(t.app);
    await agent.post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD });
    expect((await agent.get('/api/partners')).status).toBe(200);
    const res = await admin.put(`/api/staff/${staff.id}`).send({ version: 1, active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect(await t.db.knex('sessions').where('staff_id', staff.id)).toHaveLength(0);
    expect((await agent.get('/api/partners')).status).toBe(401);
  });

  it('does not let the last active admin be demoted', async () => {
    const admin = await t.as('admin');
    const admins = await t.db.knex('staff').where({ role: 'admin', active: true });
    for (const other of admins.slice(1)) await t.db.knex('staff').where('id', other.id).update({ active: false });
    const [me] = admins;
    const res = await admin.put(`/api/staff/${me.id}`).send({ version: me.version, role: 'coordinator' });
    expect(res.status).toBe(409);
    expect((await t.db.knex('staff').where('id', me.id).first()).role).toBe('admin');
  });

  it('changes passwords: self or admin only', async () => {
    const coordinator = await t.as('coordinator');
    const me = (await coordinator.get('/api/auth/me')).body;
    const other = await createStaff(t.db.knex);
    expect((await coordinator.put(`/api/staff/${other.id}/password`).send({ password: 'another-password' })).status).toBe(403);
    expect(
      (await coordinator.put(`/api/staff/${me.id}/password`).send({ password: 'short', current_password: TEST_PASSWORD })).status,
    ).toBe(400);
    expect(
      (await coordinator.put(`/api/staff/${me.id}/password`).send({ password: 'my-new-password-1', current_password: TEST_PASSWORD }))
        .status,
    ).toBe(204);
    expect((await coordinator.get('/api/auth/me')).status).toBe(200);
    const relogin = await request(t.app).post('/api/auth/login').send({ email: me.email, password: 'my-new-password-1' });
    expect(relogin.status).toBe(200);
    const admin = await t.as('admin');
    expect((await admin.put(`/api/staff/${other.id}/password`).send({ password: 'reset-by-admin-1' })).status).toBe(204);
    expect((await admin.put(`/api/staff/999999/password`).send({ password: 'reset-by-admin-1' })).status).toBe(404);
  });
});

describe('staff order', () => {
  it('lists staff in 五十音 order of their reading, not by code point of the kanji', async () => {
    const admin = await t.as('admin');
    // By code point 渡辺 (U+6E21) comes before 阿部 (U+963F) and 青木 (U+9752); by reading アオキ < アベ < ワタナベ.
    for (const [i, [display_name, name_kana]] of [
      ['渡辺 一郎', 'ワタナベ イチロウ'],
      ['阿部 花', 'アベ ハナ'],
      ['青木 誠', 'アオキ マコト'],
    ].entries()) {
      const res = await admin
        .post('/api/staff')
        .send({ email: `order${i}@order.example`, display_name, name_kana, role: 'coordinator', password: 'initial-pass-123' });
      expect(res.status).toBe(201);
    }
    const list = await admin.get('/api/staff').query({ range: '[0,99]' });
    const names = list.body.map((s: { display_name: string }) => s.display_name).filter((n: string) => /渡辺|阿部|青木/.test(n));
    expect(names).toEqual(['青木 誠', '阿部 花', '渡辺 一郎']);
  });
});
