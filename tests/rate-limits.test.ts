import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { useTestApp } from './helpers/app.js';
import { createStaff, TEST_PASSWORD } from './helpers/factories.js';

const t = useTestApp();

/** The app behind a proxy, as in production: X-Forwarded-For gives each request its address. */
let server: Server;
beforeAll(async () => {
  server = createServer(buildApp(t.db, { sessionSecret: 'x'.repeat(40), trustProxy: true, log: (e) => t.errors.push(e) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const login = (email: string, password: string, ip: string) =>
  request(server).post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

const form = {
  lang: 'en',
  name: 'Parallel Resident',
  phone: '080-4444-5555',
  contact_language: 'uk',
  municipality_code: '131105',
  category: 'medical',
  task_type: 'hospital',
  mode: 'in_person',
  ofp_member_no: 'OFP-1',
  consent: true,
};
let phones = 0;
// Each post from its own phone number, so only the per-address limit is at work.
const postForm = (ip: string, name = form.name) =>
  request(server)
    .post('/api/public/requests')
    .set('X-Forwarded-For', ip)
    .send({ ...form, name, phone: `080-4444-${String(++phones).padStart(4, '0')}` });

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

/** Ends a limiter's current window, as if its time had passed (the limits run on the database clock). */
const endWindow = (keyPattern: string) =>
  t.db
    .knex('rate_limits')
    .whereLike('key', keyPattern)
    .update({ expires_at: t.db.knex.raw(`now() - interval '1 second'`) });

describe('login limits, one request at a time', () => {
  it('refuses the 11th wrong password for one account from one address with 429 and Retry-After', async () => {
    const staff = await createStaff(t.db.knex);
    for (let i = 0; i < 10; i++) expect((await login(staff.email, 'wrong-password', '10.1.1.1')).status).toBe(401);
    const limited = await login(staff.email, TEST_PASSWORD, '10.1.1.1');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // The sentence says when to try again, in minutes.
    expect(limited.body.message).toMatch(/\d+\s*分後/);
    // After the window the owner gets in, and the count for that address starts again.
    await endWindow(`login:pair:${staff.email}|10.1.1.1`);
    expect((await login(staff.email, TEST_PASSWORD, '10.1.1.1')).status).toBe(200);
    expect(await t.db.knex('rate_limits').where('key', `login:pair:${staff.email}|10.1.1.1`).first()).toBeUndefined();
  });

  it('answers an unknown email exactly like a known one, limits included', async () => {
    const staff = await createStaff(t.db.knex);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 11; i++) {
      known.push((await login(staff.email, 'wrong-password', '10.1.2.1')).status);
      unknown.push((await login('nobody-here@test.example', 'wrong-password', '10.1.2.2')).status);
    }
    expect(known).toEqual(unknown);
    expect(known.at(-1)).toBe(429);
  });

  it('counts a correct password as no failure: signing in does not use up the allowance', async () => {
    const staff = await createStaff(t.db.knex);
    for (let i = 0; i < 15; i++) expect((await login(staff.email, TEST_PASSWORD, '10.1.3.1')).status).toBe(200);
    const rows = await t.db.knex('rate_limits').whereLike('key', `%${staff.email}%`).andWhere('points', '>', 0);
    expect(rows).toEqual([]);
  });

  it('refuses more than 50 failures from one address whatever the accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++) statuses.push((await login(`nobody${i}@test.example`, 'wrong-password', '10.1.4.1')).status);
    expect(count(statuses, 401)).toBe(50);
    expect(statuses[50]).toBe(429);
  }, 120_000); // fifty password checks, one after another
});

describe('an account attacked from many addresses', () => {
  it('slows the attack down but still lets its owner in, at once from a known address', async () => {
    const owner = await createStaff(t.db.knex);
    // The owner signed in from the office before the attack.
    expect((await login(owner.email, TEST_PASSWORD, '192.0.2.10')).status).toBe(200);
    const attack: number[] = [];
    for (let i = 0; i < 12; i++) attack.push((await login(owner.email, `guess-${i}`, `198.51.100.${(i % 10) + 1}`)).status);
    // Ten free failures in the hour, then two a minute for the whole account.
    expect(attack).toEqual(Array(12).fill(401));
    const slowed = await login(owner.email, 'guess-x', '198.51.100.77');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(60);

    // The owner, from the known office address: signed in at once.
    expect((await login(owner.email, TEST_PASSWORD, '192.0.2.10')).status).toBe(200);

    // From a new address (a phone on the road) the owner waits out the slow-down, then gets in.
    const away = await login(owner.email, TEST_PASSWORD, '203.0.113.5');
    expect(away.status).toBe(429);
    expect(Number(away.headers['retry-after'])).toBeLessThanOrEqual(60);
    await endWindow(`login:slow:${owner.email}`);
    const later = await login(owner.email, TEST_PASSWORD, '203.0.113.5');
    expect(later.status).toBe(200);
    expect(later.body.id).toBe(owner.id);
  });
});

describe('the residents’ form, one post at a time', () => {
  it('answers the 11th post in an hour from one address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await postForm('10.2.1.1', `Sequential ${i}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(429);
    const res = await postForm('10.2.1.1');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(60 * 59);
  });
});

describe('IPv6 addresses', () => {
  it('count by their /64: changing address within it does not reset the residents’ form limit', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) statuses.push((await postForm(`2001:db8:5:6::${i.toString(16)}`, `IPv6 ${i}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(429);
    expect((await postForm('2001:db8:5:7::1', 'IPv6 next network')).status).toBe(201);
  });
});

// PGlite has one connection, so requests there never overlap: real races need PostgreSQL.
describe.skipIf(!process.env.TEST_DATABASE_URL)('limits under parallel requests (PostgreSQL)', () => {
  it('tries at most 10 of 100 simultaneous wrong passwords for one account from one address', async () => {
    const staff = await createStaff(t.db.knex);
    const statuses = (await Promise.all(Array.from({ length: 100 }, () => login(staff.email, 'wrong-password', '10.3.1.1')))).map(
      (r) => r.status,
    );
    expect(count(statuses, 401)).toBe(10);
    expect(count(statuses, 429)).toBe(90);
    expect((await t.db.knex('rate_limits').where('key', `login:pair:${staff.email}|10.3.1.1`).first()).points).toBe(10);
  });

  it('tries at most 50 of 120 simultaneous attempts from one address', async () => {
    const statuses = (
      await Promise.all(Array.from({ length: 120 }, (_, i) => login(`parallel${i}@test.example`, 'wrong-password', '10.3.2.1')))
    ).map((r) => r.status);
    expect(count(statuses, 401)).toBe(50);
    expect(count(statuses, 429)).toBe(70);
  });

  it('accepts 10 of 40 simultaneous posts of the residents’ form from one address', async () => {
    const statuses = (await Promise.all(Array.from({ length: 40 }, (_, i) => postForm('10.3.3.1', `Flood ${i}`)))).map((r) => r.status);
    expect(count(statuses, 201)).toBe(10);
    expect(count(statuses, 429)).toBe(30);
    const stored = await t.db
      .knex('support_requests')
      .where('channel', 'web_form')
      .whereRaw(`intake->>'name' like 'Flood %'`)
      .count({ n: '*' });
    expect(Number(stored[0]!.n)).toBe(10);
  });

  it('tries at most 10 + 2 of 60 simultaneous wrong passwords for one account from 60 addresses', async () => {
    const staff = await createStaff(t.db.knex);
    const statuses = (await Promise.all(Array.from({ length: 60 }, (_, i) => login(staff.email, 'wrong-password', `10.3.4.${i + 1}`)))).map(
      (r) => r.status,
    );
    expect(count(statuses, 401)).toBe(12);
    expect(count(statuses, 429)).toBe(48);
  });
});
