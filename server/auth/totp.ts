import type { LOGIN_CHALLENGE_PURPOSES } from '../domain/enums.js';
import type { Request } from 'express';
import type { Knex } from 'knex';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Role } from '../domain/enums.js';
import { mustUseTotp } from '../domain/roles.js';
import { audit } from '../core/audit.js';
import { AppError, conflict } from '../core/errors.js';
import { RateLimitedError, retryIn } from '../core/errors.js';
import { msg } from '../core/messages.js';
import { addressKey, clearKey, givePointBack, takePoint } from '../http/rate-limit.js';
import { readSettings } from '../settings/repository.js';
import {
  CookieSigner,
  hashRecoveryCode,
  newRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  SecretBox,
  sha256,
} from './totp-crypto.js';

/** Codes change every 30 seconds; one step before or after is accepted for clock drift. */
export const TOTP_PERIOD_SECONDS = 30;
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;
export const TOTP_ISSUER = 'Spot Otonari';

/** The state between a correct password and the code: short, since only the code is missing. */
export const CODE_CHALLENGE_MINUTES = 5;
/** Enrolling takes longer (installing an app, scanning): the limited state lasts this long. */
export const ENROL_CHALLENGE_MINUTES = 15;

/** Wrong codes count like wrong passwords, in the same table, per person and per address. */
const CODE_WINDOW_MINUTES = 15;
export const MAX_CODE_FAILURES_PER_STAFF = 5;
const MAX_CODE_FAILURES_PER_IP = 50;

export type Clock = () => Date;
export type ChallengePurpose = (typeof LOGIN_CHALLENGE_PURPOSES)[number];
export type CodeKind = 'totp' | 'recovery_code';
export type StaffRow = { id: number; email: string; display_name: string; role: Role; active: boolean };

type TotpRow = {
  staff_id: number;
  secret: string | null;
  enabled_at: Date | null;
  last_time_step: string | number | null;
  pending_secret: string | null;
};

export const wrongCode = () => new AppError('validation', 'totp.wrong_code', { code: 'totp.wrong_code' });

/** Six digits, typed with full-width digits or spaces as often as not. */
export const asTotpCode = (input: string): string | undefined => {
  const compact = input.normalize('NFKC').replace(/\s/g, '');
  return /^\d{6}$/.test(compact) ? compact : undefined;
};

/**
 * Everything about the second factor that is not HTTP: checking codes (with a clock tests
 * control), keys sealed at rest, recovery codes, the pending state after the password, and the
 * throttling of wrong codes.
 */
export class TotpService {
  readonly box: SecretBox;
  private readonly challengeCookies: CookieSigner;

  constructor(
    readonly db: Knex,
    sessionSecret: string,
    readonly now: Clock = () => new Date(),
  ) {
    this.box = new SecretBox(sessionSecret);
    this.challengeCookies = new CookieSigner(sessionSecret, 'login-challenge-v1');
  }

  private epochSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  /** The roles the role table names (admins) always; everyone when the setting says so. */
  async isRequired(db: Knex | Knex.Transaction, role: Role): Promise<boolean> {
    if (mustUseTotp(role)) return true;
    return (await readSettings(db)).totp_required_for_all === true;
  }

  async row(db: Knex | Knex.Transaction, staffId: number, forUpdate = false): Promise<TotpRow | undefined> {
    const q = db('staff_totp').where('staff_id', staffId).first();
    if (forUpdate) q.forUpdate();
    const row: TotpRow | undefined = await q;
    return row;
  }

  async isEnabled(db: Knex | Knex.Transaction, staffId: number): Promise<boolean> {
    return !!(await this.row(db, staffId))?.enabled_at;
  }

  async status(staffId: number, role: Role) {
    const row = await this.row(this.db, staffId);
    return {
      enabled: !!row?.enabled_at,
      enabled_at: row?.enabled_at ?? null,
      required: await this.isRequired(this.db, role),
      recovery_codes_remaining: row?.enabled_at ? await this.remainingRecoveryCodes(this.db, staffId) : 0,
      enrolment_pending: !!row?.pending_secret,
    };
  }

  /** The time step a six-digit code matches (now, or one step either side), after `afterStep`. */
  async matchStep(secret: string, code: string, afterStep?: number): Promise<number | undefined> {
    // A step already accepted at or beyond the newest one this clock allows (servers whose
    // clocks differ): no code can follow it yet. otplib would throw rather than say no.
    const newest = Math.floor(this.epochSeconds() / TOTP_PERIOD_SECONDS) + Math.ceil(TOLERANCE_SECONDS / TOTP_PERIOD_SECONDS);
    if (afterStep !== undefined && afterStep >= newest) return undefined;
    const result = await verify({
      secret,
      token: code,
      epoch: this.epochSeconds(),
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep === undefined ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  }

  private openSecret(sealed: string, staffId: number): string {
    const secret = this.box.open(sealed, staffId);
    if (secret === undefined) {
      throw conflict('totp.secret_unreadable');
    }
    return secret;
  }

  /**
   * Checks a current code of an enrolled person, inside the caller's transaction, and uses it up:
   * a six-digit code moves the last accepted step forward (so it cannot be replayed), a
   * recovery code is marked used. Undefined when the code is wrong.
   */
  async consumeCode(trx: Knex.Transaction, staffId: number, input: string): Promise<CodeKind | undefined> {
    const row = await this.row(trx, staffId, true);
    if (!row?.secret || !row.enabled_at) return undefined;
    const code = asTotpCode(input);
    if (code) {
      const last = row.last_time_step == null ? undefined : Number(row.last_time_step);
      const step = await this.matchStep(this.openSecret(row.secret, staffId), code, last);
      if (step === undefined) return undefined;
      await trx('staff_totp').where('staff_id', staffId).update({ last_time_step: step, updated_at: trx.fn.now() });
      return 'totp';
    }
    const recovery = normaliseRecoveryCode(input);
    if (!recovery) return undefined;
    const used = await trx('staff_recovery_codes')
      .where({ staff_id: staffId, code_hash: hashRecoveryCode(recovery) })
      .whereNull('used_at')
      .update({ used_at: this.now() })
      .returning('id');
    return used.length ? 'recovery_code' : undefined;
  }

  async remainingRecoveryCodes(db: Knex | Knex.Transaction, staffId: number): Promise<number> {
    const [counted] = await db('staff_recovery_codes').where({ staff_id: staffId }).whereNull('used_at').count({ n: '*' });
    return Number(counted?.n);
  }

  /** Replaces every recovery code of the person with ten new ones; returns them in clear, once. */
  async replaceRecoveryCodes(trx: Knex.Transaction, staffId: number): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await trx('staff_recovery_codes').where('staff_id', staffId).delete();
    await trx('staff_recovery_codes').insert(
      codes.map((c) => ({ staff_id: staffId, code_hash: hashRecoveryCode(normaliseRecoveryCode(c)!) })),
    );
    return codes;
  }

  /** A new key waiting for its first code; an enabled key stays valid until that code arrives. */
  async startEnrolment(trx: Knex.Transaction, staff: { id: number; email: string }) {
    const secret = generateSecret();
    const sealed = this.box.seal(secret, staff.id);
    await trx('staff_totp')
      .insert({ staff_id: staff.id, pending_secret: sealed, pending_at: this.now() })
      .onConflict('staff_id')
      .merge({ pending_secret: sealed, pending_at: this.now(), updated_at: trx.fn.now() });
    const uri = generateURI({ issuer: TOTP_ISSUER, label: staff.email, secret, period: TOTP_PERIOD_SECONDS });
    const qr_code = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
    return { secret, otpauth_uri: uri, qr_code, period: TOTP_PERIOD_SECONDS, digits: 6 };
  }

  /**
   * Turns the pending key into the person's key when `input` is its current code.
   * Returns whether TOTP was already on (a re-enrolment), or undefined for a wrong code.
   */
  async confirmEnrolment(trx: Knex.Transaction, staffId: number, input: string): Promise<{ wasEnabled: boolean } | undefined> {
    const row = await this.row(trx, staffId, true);
    if (!row?.pending_secret) throw conflict('totp.not_started');
    const code = asTotpCode(input);
    if (!code) return undefined;
    const step = await this.matchStep(this.openSecret(row.pending_secret, staffId), code);
    if (step === undefined) return undefined;
    await trx('staff_totp').where('staff_id', staffId).update({
      secret: row.pending_secret,
      enabled_at: this.now(),
      // The confirming code is used up: it cannot also sign in.
      last_time_step: step,
      pending_secret: null,
      pending_at: null,
      updated_at: trx.fn.now(),
    });
    return { wasEnabled: !!row.enabled_at };
  }

  /** Removes the key, any pending key and the recovery codes. True when there was anything. */
  async remove(trx: Knex.Transaction, staffId: number): Promise<boolean> {
    // returning(): PGlite's driver does not give a plain row count for delete.
    const rows = await trx('staff_totp').where('staff_id', staffId).delete().returning('staff_id');
    const codes = await trx('staff_recovery_codes').where('staff_id', staffId).delete().returning('id');
    return rows.length + codes.length > 0;
  }

  // --- the state between password and code -------------------------------------------------

  async createChallenge(trx: Knex.Transaction, staffId: number, purpose: ChallengePurpose): Promise<{ cookie: string; expires: Date }> {
    const { token, cookie } = this.challengeCookies.issue();
    const minutes = purpose === 'totp' ? CODE_CHALLENGE_MINUTES : ENROL_CHALLENGE_MINUTES;
    const expires = new Date(this.now().getTime() + minutes * 60_000);
    await trx('login_challenges').where('expires_at', '<', this.now()).delete();
    await trx('login_challenges').insert({ id: sha256(token), staff_id: staffId, purpose, created_at: this.now(), expires_at: expires });
    return { cookie, expires };
  }

  /** The active staff member behind a challenge cookie of that purpose, while it lasts. */
  async resolveChallenge(
    db: Knex | Knex.Transaction,
    cookieValue: string | undefined,
    purpose: ChallengePurpose,
  ): Promise<StaffRow | undefined> {
    const token = this.challengeCookies.tokenOf(cookieValue);
    if (!token) return undefined;
    return db('login_challenges')
      .join('staff', 'staff.id', 'login_challenges.staff_id')
      .where({ 'login_challenges.id': sha256(token), 'login_challenges.purpose': purpose, 'staff.active': true })
      .andWhere('login_challenges.expires_at', '>', this.now())
      .first('staff.id', 'staff.email', 'staff.display_name', 'staff.role', 'staff.active');
  }

  async dropChallenge(db: Knex | Knex.Transaction, cookieValue: string | undefined): Promise<void> {
    const token = this.challengeCookies.tokenOf(cookieValue);
    if (token) await db('login_challenges').where('id', sha256(token)).delete();
  }

  // --- throttling of wrong codes ------------------------------------------------------------

  private keys(req: Request, staffId: number) {
    return { staff: `totp:staff:${staffId}`, ip: `totp:ip:${addressKey(req.ip)}` };
  }

  /**
   * Takes a point per person and per address before a code is checked (so simultaneous guesses
   * cannot all pass the check), or answers 429. A correct code gives the points back
   * (clearFailures); a wrong one keeps them.
   */
  async assertNotThrottled(req: Request, staffId: number): Promise<void> {
    const k = this.keys(req, staffId);
    const staff = await takePoint(this.db, k.staff, CODE_WINDOW_MINUTES * 60);
    const ip = await takePoint(this.db, k.ip, CODE_WINDOW_MINUTES * 60);
    const over = [
      staff.points > MAX_CODE_FAILURES_PER_STAFF ? staff : undefined,
      ip.points > MAX_CODE_FAILURES_PER_IP ? ip : undefined,
    ].filter((c) => !!c);
    if (!over.length) return;
    await givePointBack(this.db, k.staff);
    await givePointBack(this.db, k.ip);
    const retryAfter = Math.max(...over.map((c) => c.retryAfter));
    throw new RateLimitedError(msg('totp.throttled', { retry: retryIn(retryAfter) }), retryAfter);
  }

  /** The point taken by assertNotThrottled stays: nothing more to count. */
  async recordFailure(_req: Request, _staffId: number): Promise<void> {}

  async clearFailures(db: Knex | Knex.Transaction, req: Request, staffId: number): Promise<void> {
    const k = this.keys(req, staffId);
    await clearKey(db, k.staff);
    await givePointBack(db, k.ip);
  }
}

/**
 * Enrols a person with a key known in advance (the demo admin, test helpers): no pending step,
 * no recovery codes. Audited as a change made by the system.
 */
export async function enrolWithKnownSecret(
  db: Knex,
  sessionSecret: string,
  staffId: number,
  secret: string,
  source: string,
): Promise<void> {
  const sealed = new SecretBox(sessionSecret).seal(secret, staffId);
  await db.transaction(async (trx) => {
    await trx('staff_totp').insert({ staff_id: staffId, secret: sealed, enabled_at: trx.fn.now() }).onConflict('staff_id').merge({
      secret: sealed,
      enabled_at: trx.fn.now(),
      last_time_step: null,
      pending_secret: null,
      pending_at: null,
      updated_at: trx.fn.now(),
    });
    await audit(trx, {
      staff_id: null,
      action: 'create',
      resource: 'totp',
      record_id: staffId,
      changed_fields: ['secret'],
      details: { source },
    });
  });
}
