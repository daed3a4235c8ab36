import type { Knex } from 'knex';

/**
 * The second factor of staff sign-in (TOTP): one row per enrolled person with the secret
 * encrypted at rest, recovery codes as hashes, and the short-lived state between the password
 * and the code. `settings.totp_required_for_all` extends the requirement from admins to everyone.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('staff_totp', (t) => {
    t.integer('staff_id').primary().references('staff.id').onDelete('CASCADE');
    // AES-256-GCM ciphertexts ("v1.iv.tag.data"), never the Base32 key itself.
    t.text('secret').nullable();
    t.timestamp('enabled_at', { useTz: true }).nullable();
    // The 30-second step of the last accepted code: a code of that step or earlier is refused.
    t.bigInteger('last_time_step').nullable();
    t.text('pending_secret').nullable();
    t.timestamp('pending_at', { useTz: true }).nullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`alter table staff_totp add constraint staff_totp_enabled_check check ((secret is null) = (enabled_at is null))`);

  await knex.schema.createTable('staff_recovery_codes', (t) => {
    t.bigIncrements('id').primary();
    t.integer('staff_id').notNullable().references('staff.id').onDelete('CASCADE');
    // sha256 of the normalised code; the codes carry 80 random bits, so a hash cannot be guessed back.
    t.text('code_hash').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('used_at', { useTz: true }).nullable();
    t.unique(['staff_id', 'code_hash']);
  });

  await knex.schema.createTable('login_challenges', (t) => {
    // sha256 of the token in the browser's cookie, as for sessions.
    t.text('id').primary();
    t.integer('staff_id').notNullable().references('staff.id').onDelete('CASCADE');
    t.text('purpose').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['staff_id']);
    t.index(['expires_at']);
  });
  await knex.raw(`alter table login_challenges add constraint login_challenges_purpose_check check (purpose in ('totp', 'enrol'))`);

  await knex.schema.alterTable('settings', (t) => {
    t.boolean('totp_required_for_all').notNullable().defaultTo(false);
  });
  // Admins signed in before this version have no second factor: they sign in again, and enrol.
  await knex('sessions').whereIn('staff_id', knex('staff').where('role', 'admin').select('id')).delete();
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('settings', (t) => {
    t.dropColumn('totp_required_for_all');
  });
  await knex.schema.dropTable('login_challenges');
  await knex.schema.dropTable('staff_recovery_codes');
  await knex.schema.dropTable('staff_totp');
}
