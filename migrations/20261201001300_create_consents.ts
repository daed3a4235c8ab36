import type { Knex } from 'knex';
import { checkIn } from './_columns.js';

// The values as they were when this migration was written: a migration must create the same
// schema on a fresh database however the live enumerations grow later.
const CONSENT_KINDS = ['use', 'sensitive'];
const CONSENT_ACTIONS = ['given', 'withdrawn'];
const CONSENT_METHODS = ['web_form', 'phone', 'in_person', 'paper', 'migrated'];

/**
 * Consent done right (APPI Art. 17, 20(2), 27): every consent and withdrawal is a row with its
 * kind (use of the data to handle requests; sensitive information), the version and language
 * of the text shown, how it was given and who recorded it. Special-care notes now need a
 * sensitive-information consent (clients.sensitive_consent_at); the old single consent_at
 * becomes a use consent, and notes stored under it are flagged for re-confirmation.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('consents', (t) => {
    t.increments('id').primary();
    t.integer('client_id').nullable().references('clients.id');
    t.integer('support_request_id').nullable().references('support_requests.id');
    t.text('kind').notNullable();
    t.text('action').notNullable().defaultTo('given');
    t.text('method').notNullable();
    // The version of the consent text shown, and the language it was shown in ('und' when unknown: migrated).
    t.text('text_version').notNullable();
    t.text('language').notNullable();
    t.timestamp('given_at', { useTz: true }).notNullable();
    t.integer('recorded_by').nullable().references('staff.id');
    t.text('note').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['client_id']);
    t.index(['support_request_id']);
  });
  await knex.raw(checkIn('consents', 'kind', CONSENT_KINDS));
  await knex.raw(checkIn('consents', 'action', CONSENT_ACTIONS));
  await knex.raw(checkIn('consents', 'method', CONSENT_METHODS));
  await knex.raw(
    `alter table consents add constraint consents_subject_check check (client_id is not null or support_request_id is not null)`,
  );

  await knex.schema.alterTable('clients', (t) => {
    t.timestamp('sensitive_consent_at', { useTz: true }).nullable();
    t.boolean('special_care_reconfirm').notNullable().defaultTo(false);
  });
  // Existing consent dates were consent to use the data: recorded as such, honestly marked as migrated.
  await knex.raw(`
    insert into consents (client_id, kind, action, method, text_version, language, given_at, note)
    select id, 'use', 'given', 'migrated', 'legacy', 'und', consent_at, 'consent_at before 2026-12'
    from clients where consent_at is not null`);
  // Notes kept under that single consent stay, but must be confirmed again with the resident.
  await knex.raw(`update clients set special_care_reconfirm = true where special_care_notes is not null`);
  await knex.raw('alter table clients drop constraint clients_special_care_consent');
  await knex.raw(
    `alter table clients add constraint clients_special_care_consent check (
       special_care_notes is null or sensitive_consent_at is not null or special_care_reconfirm)`,
  );

  // Partners a resident can pick on the public form as the organisation that referred them.
  await knex.schema.alterTable('partners', (t) => {
    t.boolean('show_on_form').notNullable().defaultTo(false);
  });
  // Origins (https://npo.example) that may embed the residents' form in a frame and post to it.
  await knex.schema.alterTable('settings', (t) => {
    t.specificType('form_allowed_origins', 'text[]').notNullable().defaultTo('{}');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('settings', (t) => t.dropColumn('form_allowed_origins'));
  await knex.schema.alterTable('partners', (t) => t.dropColumn('show_on_form'));
  await knex.raw('alter table clients drop constraint clients_special_care_consent');
  await knex.raw('update clients set consent_at = coalesce(consent_at, sensitive_consent_at)');
  await knex.raw('update clients set special_care_notes = null where consent_at is null');
  await knex.raw(
    `alter table clients add constraint clients_special_care_consent check (special_care_notes is null or consent_at is not null)`,
  );
  await knex.schema.alterTable('clients', (t) => {
    t.dropColumn('sensitive_consent_at');
    t.dropColumn('special_care_reconfirm');
  });
  await knex.schema.dropTable('consents');
}
