import { generate } from 'otplib';
import type request from 'supertest';
import { enrolWithKnownSecret } from '../../server/auth/totp.js';
import type { Db } from '../../server/db/index.js';

/** The session secret every test app is built with (TOTP keys are sealed with a key derived from it). */
export const TEST_SESSION_SECRET = 'test-secret-'.padEnd(48, 'x');
/** A Base32 TOTP key the helpers enrol admins with. */
export const TEST_TOTP_SECRET = 'KRSXG5CUN52HAS3FPFDG64SUMVZXI4ZS';

/** The six-digit code of `secret` at `at`. */
export const totpCode = (secret: string, at: Date = new Date()) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** Enrols a staff member directly in the database with a known key. */
export const enrolStaff = (db: Db, staffId: number, secret = TEST_TOTP_SECRET) =>
  enrolWithKnownSecret(db.knex, TEST_SESSION_SECRET, staffId, secret, 'test');

type Agent = ReturnType<typeof request.agent>;

/** Password, then (when asked) the code of `secret` at `at`: the agent ends up signed in. */
export async function signIn(agent: Agent, email: string, password: string, secret = TEST_TOTP_SECRET, at: Date = new Date()) {
  const first = await agent.post('/api/auth/login').send({ email, password });
  if (first.status !== 200) throw new Error(`login failed: ${first.status} ${JSON.stringify(first.body)}`);
  if (first.body.second_factor !== 'totp') return first;
  const second = await agent.post('/api/auth/login/totp').send({ code: await totpCode(secret, at) });
  if (second.status !== 200) throw new Error(`TOTP step failed: ${second.status} ${JSON.stringify(second.body)}`);
  return second;
}
