import type { Knex } from 'knex';
import { enrolWithKnownSecret } from '../server/auth/totp.js';

/**
 * The demo admin signs in with TOTP like every admin. Their key is fixed and printed at start-up
 * so anyone trying the demo can add it to an authenticator app: it protects nothing real.
 */
export const DEMO_ADMIN_EMAIL = 'admin@demo.otonari.example';
export const DEMO_TOTP_SECRET = 'KNIE6VCPKRHU4QKSJFCEKTKPIFCE2SKO';

/** Right after the demo data is loaded: enrol the demo admin with the demo key. */
export async function enrolDemoAdmin(knex: Knex, sessionSecret: string): Promise<void> {
  const admin = await knex('staff').where('email', DEMO_ADMIN_EMAIL).first('id');
  if (admin) await enrolWithKnownSecret(knex, sessionSecret, admin.id, DEMO_TOTP_SECRET, 'demo');
}
