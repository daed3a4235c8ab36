import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';
import { PREPARE } from '../db/prepared.js';
import type { Role } from '../domain/enums.js';

export type SessionStaff = { id: number; email: string; display_name: string; role: Role };

/** Where a session was opened from, kept to show the owner their sessions. */
export type SessionOrigin = { ip?: string | undefined; userAgent?: string | undefined };

/** One line of "my sessions": named by its public id, never by the token or its hash. */
export type SessionInfo = {
  id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  user_agent: string | null;
  ip: string | null;
  current: boolean;
};

/** A person's sessions beyond this many are ended, oldest first, when another one starts. */
export const MAX_SESSIONS_PER_STAFF = 10;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Session cookies are `token.signature`; the database keeps only a hash of the token. A session
 * ends after `hours` without use, and `maxDays` after it started however much it is used.
 */
export class SessionStore {
  constructor(
    private readonly secret: string,
    private readonly hours: number,
    private readonly maxDays = 7,
  ) {}

  private sign(token: string): string {
    return createHmac('sha256', this.secret).update(token).digest('base64url');
  }

  /** The token inside a cookie value, if its signature is ours. */
  private tokenOf(cookieValue: string | undefined): string | undefined {
    if (!cookieValue) return undefined;
    const dot = cookieValue.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const token = cookieValue.slice(0, dot);
    const given = Buffer.from(cookieValue.slice(dot + 1));
    const expected = Buffer.from(this.sign(token));
    return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
  }

  /** The next expiry: `hours` from now, but never past the session's absolute end. */
  private slidingExpiry(db: Knex | Knex.Transaction, createdAt: Knex.Raw | string) {
    return db.raw(`least(now() + make_interval(hours => ?), ${createdAt} + make_interval(days => ?))`, [this.hours, this.maxDays]);
  }

  /**
   * Starts a session; `expires` is its absolute end (the cookie's lifetime: the idle timeout is
   * the server's to enforce). Ends the person's oldest sessions beyond MAX_SESSIONS_PER_STAFF and
   * says how many.
   */
  async create(
    trx: Knex.Transaction,
    staffId: number,
    origin: SessionOrigin = {},
  ): Promise<{ cookie: string; expires: Date; ended: number }> {
    // One login at a time per person, so two at once cannot both keep an eleventh session.
    await trx('staff').where('id', staffId).forUpdate().first('id');
    const token = randomBytes(32).toString('base64url');
    const id = sha256(token);
    await trx('sessions').insert({
      id,
      staff_id: staffId,
      expires_at: this.slidingExpiry(trx, 'now()'),
      ip: origin.ip ?? null,
      user_agent: origin.userAgent?.slice(0, 500) ?? null,
    });
    const ended = await trx('sessions')
      .where('staff_id', staffId)
      .whereNot('id', id)
      .whereNotIn(
        'id',
        trx('sessions')
          .where('staff_id', staffId)
          .whereNot('id', id)
          .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id' }])
          .limit(MAX_SESSIONS_PER_STAFF - 1)
          .select('id'),
      )
      // returning(): PGlite's driver gives no row count for a plain delete.
      .delete()
      .returning('id');
    return { cookie: `${token}.${this.sign(token)}`, expires: new Date(Date.now() + this.maxDays * 86_400_000), ended: ended.length };
  }

  /** The active staff member behind a cookie; extends the session while it is used. */
  async resolve(db: Knex, cookieValue: string | undefined): Promise<SessionStaff | undefined> {
    const token = this.tokenOf(cookieValue);
    if (!token) return undefined;
    const row = await db('sessions')
      .join('staff', 'staff.id', 'sessions.staff_id')
      .where('sessions.id', sha256(token))
      .andWhere('sessions.expires_at', '>', db.fn.now())
      .andWhere('sessions.created_at', '>', db.raw('now() - make_interval(days => ?)', [this.maxDays]))
      .andWhere('staff.active', true)
      .options(PREPARE) // every API request runs it
      .first('staff.id', 'staff.email', 'staff.display_name', 'staff.role', 'sessions.last_seen_at');
    if (!row) return undefined;
    // Slide the expiry at most once a minute, not on every request.
    if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
      await db('sessions')
        .where('id', sha256(token))
        .update({ last_seen_at: db.fn.now(), expires_at: this.slidingExpiry(db, 'created_at') });
    }
    return { id: row.id, email: row.email, display_name: row.display_name, role: row.role };
  }

  /** The person's live sessions, most recently used first; `current` marks the cookie's own. */
  async list(db: Knex, staffId: number, cookieValue: string | undefined): Promise<SessionInfo[]> {
    const token = this.tokenOf(cookieValue);
    const currentId = token ? sha256(token) : '';
    const rows = await db('sessions')
      .where('staff_id', staffId)
      .andWhere('expires_at', '>', db.fn.now())
      .andWhere('created_at', '>', db.raw('now() - make_interval(days => ?)', [this.maxDays]))
      .orderBy([
        { column: 'last_seen_at', order: 'desc' },
        { column: 'created_at', order: 'desc' },
      ])
      .select('id', 'public_id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent');
    return rows.map((r) => ({
      id: r.public_id,
      created_at: r.created_at,
      last_seen_at: r.last_seen_at,
      expires_at: r.expires_at,
      user_agent: shortUserAgent(r.user_agent),
      ip: r.ip,
      current: r.id === currentId,
    }));
  }

  /**
   * Ends one of the person's sessions by its public id: undefined when they have no such session,
   * else whether it was the one the cookie belongs to.
   */
  async destroyOwn(
    trx: Knex.Transaction,
    staffId: number,
    publicId: string,
    cookieValue: string | undefined,
  ): Promise<{ current: boolean } | undefined> {
    const [row] = await trx('sessions').where({ staff_id: staffId, public_id: publicId }).delete().returning('id');
    if (!row) return undefined;
    const token = this.tokenOf(cookieValue);
    return { current: !!token && row.id === sha256(token) };
  }

  async destroy(trx: Knex | Knex.Transaction, cookieValue: string | undefined): Promise<void> {
    const token = this.tokenOf(cookieValue);
    if (token) await trx('sessions').where('id', sha256(token)).delete();
  }

  async destroyAllOf(trx: Knex | Knex.Transaction, staffId: number): Promise<void> {
    await trx('sessions').where('staff_id', staffId).delete();
  }

  async purgeExpired(trx: Knex | Knex.Transaction): Promise<void> {
    await trx('sessions')
      .where('expires_at', '<', trx.fn.now())
      .orWhere('created_at', '<', trx.raw('now() - make_interval(days => ?)', [this.maxDays]))
      .delete();
  }
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/(?:Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'Mac'],
  [/Linux/, 'Linux'],
];

/** "Chrome 131 (Windows)" from a browser's long User-Agent; its first 60 characters when unknown. */
export function shortUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.map(([re, name]) => {
    const m = re.exec(userAgent);
    return m ? `${name} ${m[1]}` : undefined;
  }).find(Boolean);
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (!browser) return userAgent.length > 60 ? `${userAgent.slice(0, 59)}…` : userAgent;
  return system ? `${browser} (${system})` : browser;
}
