import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { hashPassword } from './auth/password.js';
import { FIRST_ACCOUNT_ROLE } from './domain/roles.js';
import { audit } from './core/audit.js';

/**
 * On the embedded database the session secret is generated once and kept beside the data, so
 * sessions survive a restart. With PostgreSQL it must come from SESSION_SECRET.
 */
export function sessionSecretFor(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** ADMIN_EMAIL/ADMIN_PASSWORD: create that admin unless a staff member has the email already. */
export async function ensureAdmin(knex: Knex, email: string, password: string): Promise<boolean> {
  const exists = await knex('staff').whereRaw('lower(email) = ?', [email.toLowerCase()]).first('id');
  if (exists) return false;
  const hash = await hashPassword(password);
  await knex.transaction(async (trx) => {
    const [row] = await trx('staff')
      .insert({ email: email.toLowerCase(), display_name: '管理者', role: FIRST_ACCOUNT_ROLE, password_hash: hash })
      .returning('id');
    await audit(trx, {
      staff_id: null,
      action: 'create',
      resource: 'staff',
      record_id: row.id,
      changed_fields: ['email', 'role'],
      details: { source: 'ADMIN_EMAIL' },
    });
  });
  return true;
}
