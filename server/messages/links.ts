import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { LINK_PURPOSES } from '../domain/enums.js';

export type LinkPurpose = (typeof LINK_PURPOSES)[number];
const DAY = 24 * 60 * 60 * 1000;
/** A link lives until the activity starts, and never longer than this. */
export const LINK_MAX_DAYS = 14;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Tokens are 256 random bits in base64url (43 characters). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A new personal link for one assignment (or request) and one purpose; only the hash of its
 * token is stored. Returns the token, which goes into the message and nowhere else.
 */
export async function createLink(
  trx: Knex.Transaction,
  link: {
    purpose: LinkPurpose;
    request_id: number;
    assignment_id?: number | null;
    created_by?: number | null;
    now: Date;
    until?: Date | null;
    days?: number;
  },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const cap = new Date(link.now.getTime() + (link.days ?? LINK_MAX_DAYS) * DAY);
  const expires = link.until && link.until < cap ? link.until : cap;
  await trx('volunteer_links').insert({
    token_hash: hashToken(token),
    purpose: link.purpose,
    request_id: link.request_id,
    assignment_id: link.assignment_id ?? null,
    created_by: link.created_by ?? null,
    expires_at: expires,
  });
  return token;
}

/** Revokes an assignment's open links of one purpose (the assignment changed or was cancelled). */
export async function revokeLinks(trx: Knex.Transaction, assignmentId: number, purpose: LinkPurpose = 'offer'): Promise<void> {
  await trx('volunteer_links')
    .where({ assignment_id: assignmentId, purpose })
    .whereNull('used_at')
    .whereNull('revoked_at')
    .update({ revoked_at: trx.fn.now() });
}

export type LinkRow = {
  id: number;
  purpose: LinkPurpose;
  request_id: number;
  assignment_id: number | null;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  answer: 'accept' | 'decline' | null;
  comment: string | null;
  created_by: number | null;
};

export async function findLink(db: Knex | Knex.Transaction, token: string, lock = false): Promise<LinkRow | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const q = db('volunteer_links').where('token_hash', hashToken(token));
  return (lock ? q.forUpdate() : q).first();
}
