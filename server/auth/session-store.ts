import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';
import type { Role } from '../domain/enums.js';

export type SessionStaff = { id: number; email: string; display_name: string; role: Role };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Session cookies are `token.signature`; the database keeps only a hash of the token. */
export class SessionStore {
  constructor(
    private readonly secret: string,
    private readonly hours: number,
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

  async create(trx: Knex | Knex.Transaction, staffId: number): Promise<{ cookie: string; expires: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(Date.now() + this.hours * 3600_000);
    await trx('sessions').insert({ id: sha256(token), staff_id: staffId, expires_at: expires });
    return { cookie: `${token}.${this.sign(token)}`, expires };
  }

  /** The active staff member behind a cookie; extends the session while it is used. */
  async resolve(db: Knex, cookieValue: string | undefined): Promise<SessionStaff | undefined> {
    const token = this.tokenOf(cookieValue);
    if (!token) return undefined;
    const row = await db('sessions')
      .join('staff', 'staff.id', 'sessions.staff_id')
      .where('sessions.id', sha256(token))
      .andWhere('sessions.expires_at', '>', db.fn.now())
      .andWhere('staff.active', true)
      .first('staff.id', 'staff.email', 'staff.display_name', 'staff.role', 'sessions.last_seen_at');
    if (!row) return undefined;
    // Slide the expiry at most once a minute, not on every request.
    if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
      await db('sessions')
        .where('id', sha256(token))
        .update({ last_seen_at: db.fn.now(), expires_at: new Date(Date.now() + this.hours * 3600_000) });
    }
    return { id: row.id, email: row.email, display_name: row.display_name, role: row.role };
  }

  async destroy(trx: Knex | Knex.Transaction, cookieValue: string | undefined): Promise<void> {
    const token = this.tokenOf(cookieValue);
    if (token) await trx('sessions').where('id', sha256(token)).delete();
  }

  async destroyAllOf(trx: Knex | Knex.Transaction, staffId: number): Promise<void> {
    await trx('sessions').where('staff_id', staffId).delete();
  }

  async purgeExpired(trx: Knex | Knex.Transaction): Promise<void> {
    await trx('sessions').where('expires_at', '<', trx.fn.now()).delete();
  }
}
