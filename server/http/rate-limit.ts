import type { Knex } from 'knex';
import { RateLimitedError } from '../core/errors.js';
import type { Text } from '../core/messages.js';

/**
 * Fixed-window counters in the `rate_limits` table, one row per key. Taking a point counts and
 * reads the count in one statement (the row is locked by the upsert), so simultaneous requests
 * each see a different count and no more than the limit can pass, on every server process
 * sharing the database. Times come from the database clock.
 *
 * Call these outside any transaction: a point taken inside one would be given back by its
 * rollback, and on the embedded database the transaction holds the only connection.
 */
export type Window = { key: string; limit: number; seconds: number };
export type Count = { points: number; retryAfter: number };

export async function takePoint(db: Knex, key: string, seconds: number): Promise<Count> {
  const { rows }: { rows: { points: number; retry_after: number }[] } = await db.raw(
    `insert into rate_limits (key, points, expires_at) values (?, 1, now() + make_interval(secs => ?))
     on conflict (key) do update set
       points = case when rate_limits.expires_at <= now() then 1 else rate_limits.points + 1 end,
       expires_at = case when rate_limits.expires_at <= now() then excluded.expires_at else rate_limits.expires_at end
     returning points, ceil(extract(epoch from expires_at - now()))::int as retry_after`,
    [key, seconds],
  );
  // Finished windows are worthless: trim them now and then instead of with a scheduler.
  if (Math.random() < 0.02) await db('rate_limits').where('expires_at', '<', db.raw(`now() - interval '1 hour'`)).delete();
  const row = rows[0]!;
  return { points: row.points, retryAfter: Math.max(1, row.retry_after) };
}

/** Returns a point taken in the current window (a reservation that turned out not to count). */
export async function givePointBack(db: Knex, key: string): Promise<void> {
  await db('rate_limits').where('key', key).andWhere('expires_at', '>', db.fn.now()).andWhere('points', '>', 0).decrement('points', 1);
}

/** The count in the key's current window (0 when there is none). */
export async function pointsOf(db: Knex, key: string): Promise<number> {
  const row = await db('rate_limits').where('key', key).andWhere('expires_at', '>', db.fn.now()).first('points');
  return row ? Number(row.points) : 0;
}

export async function clearKey(db: Knex, key: string): Promise<void> {
  await db('rate_limits').where('key', key).delete();
}

/** Marks a key for `seconds` without counting anything (a remembered fact, e.g. a known address). */
export async function remember(db: Knex, key: string, seconds: number): Promise<void> {
  await db.raw(
    `insert into rate_limits (key, points, expires_at) values (?, 0, now() + make_interval(secs => ?))
     on conflict (key) do update set points = 0, expires_at = excluded.expires_at`,
    [key, seconds],
  );
}

export async function remembered(db: Knex, key: string): Promise<boolean> {
  return !!(await db('rate_limits').where('key', key).andWhere('expires_at', '>', db.fn.now()).first('key'));
}

/**
 * Takes a point in the window, or throws a 429 naming when to retry. A refused request gives
 * its point back, so the count is of requests that went through.
 */
export async function consume(db: Knex, window: Window, message: (retryAfter: number) => Text): Promise<void> {
  const { points, retryAfter } = await takePoint(db, window.key, window.seconds);
  if (points <= window.limit) return;
  await givePointBack(db, window.key);
  throw new RateLimitedError(message(retryAfter), retryAfter);
}

/**
 * The address a limit counts by: IPv4 as is (also when written as ::ffff:a.b.c.d), IPv6 by its
 * /64 network, since one subscriber usually holds a whole /64 and could otherwise change
 * address at every attempt.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** 「約 N 分後」 or 「N 秒後」: when a retry can succeed, for a coordinator's eyes. */
export function retryInJapanese(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒後` : `約 ${Math.ceil(seconds / 60)} 分後`;
}
