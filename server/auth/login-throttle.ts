import type { Knex } from 'knex';
import { RateLimitedError } from '../core/errors.js';
import { addressKey, clearKey, consume, givePointBack, remember, remembered, takePoint } from '../http/rate-limit.js';
import { retryIn } from '../core/errors.js';
import { msg } from '../core/messages.js';

/**
 * How many password attempts are allowed. Each attempt takes its points *before* the password
 * is checked and a correct password gives them back, so simultaneous attempts cannot all be
 * checked, and the counts are of failures (plus attempts still being checked).
 *
 * - by address: `perAddress` failures from one IP in `windowSeconds`, whatever the accounts;
 * - by account and address: `perAccountAddress` failures for one email from one IP in
 *   `windowSeconds` (a hard stop for that pair only: the owner elsewhere is not affected);
 * - by account, from every address: after `accountFree` failures within `accountWindowSeconds`
 *   the account is under attack, and attempts on it are slowed to `slowPoints` per
 *   `slowSeconds`, never stopped. Addresses from which the account signed in during the last
 *   `knownDays` skip the slow-down, so the owner at the office gets in at once.
 *
 * Unknown emails are counted exactly like real ones, so the answers reveal nothing.
 */
export type LoginLimits = {
  windowSeconds: number;
  perAddress: number;
  perAccountAddress: number;
  accountWindowSeconds: number;
  accountFree: number;
  slowPoints: number;
  slowSeconds: number;
  knownDays: number;
};

export const LOGIN_LIMITS: LoginLimits = {
  windowSeconds: 15 * 60,
  perAddress: 50,
  perAccountAddress: 10,
  accountWindowSeconds: 60 * 60,
  accountFree: 10,
  slowPoints: 2,
  slowSeconds: 60,
  knownDays: 30,
};

export type LoginThrottle = {
  /** Before checking a password: takes the attempt's points, or throws a 429 with Retry-After. */
  check(email: string, ip: string | undefined): Promise<void>;
  /** A wrong password: the points check() took stay counted. */
  fail(email: string, ip: string | undefined): Promise<void>;
  /** A correct password: gives the points back, clears the pair's count, remembers the address. */
  succeed(email: string, ip: string | undefined): Promise<void>;
};

const keysOf = (email: string, ip: string | undefined) => {
  const account = email.trim().toLowerCase();
  const address = addressKey(ip);
  return {
    address: `login:ip:${address}`,
    pair: `login:pair:${account}|${address}`,
    account: `login:account:${account}`,
    slow: `login:slow:${account}`,
    known: `login:known:${account}|${address}`,
  };
};

const stopped = (retryAfter: number) => msg('auth.login_stopped', { retry: retryIn(retryAfter) });
const slowed = (retryAfter: number) => msg('auth.login_slowed', { retry: retryIn(retryAfter) });

export function loginThrottle(db: Knex, limits: LoginLimits = LOGIN_LIMITS): LoginThrottle {
  return {
    async check(email, ip) {
      const k = keysOf(email, ip);
      await consume(db, { key: k.address, limit: limits.perAddress, seconds: limits.windowSeconds }, stopped);
      try {
        await consume(db, { key: k.pair, limit: limits.perAccountAddress, seconds: limits.windowSeconds }, stopped);
      } catch (err) {
        await givePointBack(db, k.address);
        throw err;
      }
      const { points } = await takePoint(db, k.account, limits.accountWindowSeconds);
      if (points <= limits.accountFree || (await remembered(db, k.known))) return;
      try {
        await consume(db, { key: k.slow, limit: limits.slowPoints, seconds: limits.slowSeconds }, slowed);
      } catch (err) {
        if (err instanceof RateLimitedError) {
          await givePointBack(db, k.account);
          await givePointBack(db, k.pair);
          await givePointBack(db, k.address);
        }
        throw err;
      }
    },

    async fail() {},

    async succeed(email, ip) {
      const k = keysOf(email, ip);
      await givePointBack(db, k.address);
      await givePointBack(db, k.account);
      await clearKey(db, k.pair);
      await remember(db, k.known, limits.knownDays * 86_400);
    },
  };
}
