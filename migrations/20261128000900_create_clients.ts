import type { Knex } from 'knex';
import { checkIn, editableColumns } from './_columns.js';

// The values as they were when this migration was written: a migration must create the same
// schema on a fresh database however the live enumerations grow later.
const ELIGIBILITIES = ['ofp_member', 'partner_referral', 'general'];
const JAPANESE_LEVELS = ['none', 'basic', 'conversational', 'fluent'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('clients', (t) => {
    editableColumns(t, knex);
    t.text('client_no').notNullable().unique();
    t.text('name').notNullable();
    t.text('name_kana').nullable();
    t.text('nationality').nullable();
    t.specificType('languages', 'text[]').notNullable();
    t.text('japanese_level').nullable();
    t.text('phone').nullable();
    t.text('email').nullable();
    t.text('municipality_code').nullable().references('municipalities.code');
    t.text('address').nullable();
    t.text('eligibility').notNullable().defaultTo('general');
    t.text('ofp_member_no').nullable();
    t.integer('partner_id').nullable().references('partners.id');
    t.timestamp('consent_at', { useTz: true }).nullable();
    t.text('special_care_notes').nullable();
    t.text('notes').nullable();
    t.timestamp('archived_at', { useTz: true }).nullable();
    t.text('search_text').notNullable().defaultTo('');
    t.index(['municipality_code']);
    t.index(['partner_id']);
    t.index(['created_at']);
  });
  await knex.raw(checkIn('clients', 'japanese_level', JAPANESE_LEVELS, true));
  await knex.raw(checkIn('clients', 'eligibility', ELIGIBILITIES));
  await knex.raw(`alter table clients add constraint clients_nationality_check check (nationality is null or nationality ~ '^[A-Z]{2}$')`);
  await knex.raw(`alter table clients add constraint clients_languages_check check (cardinality(languages) >= 1)`);
  // 要配慮個人情報 may only be kept with the resident's recorded consent.
  await knex.raw(
    `alter table clients add constraint clients_special_care_consent check (special_care_notes is null or consent_at is not null)`,
  );
  await knex.raw('create index clients_search_trgm on clients using gin (search_text gin_trgm_ops)');
  await knex.raw('create index clients_languages on clients using gin (languages)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('clients');
}
