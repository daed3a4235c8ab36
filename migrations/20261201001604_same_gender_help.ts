import type { Knex } from 'knex';
import { checkIn } from './_columns.js';

// The values as they were when this migration was written.
const GENDERS = ['female', 'male', 'other'];
const PREFERRED_GENDERS = ['female', 'male'];

/**
 * Same-gender help where it matters: a request may prefer a volunteer of one gender (pregnancy
 * check-ups, gynaecology, some school meetings), and a volunteer may declare their own gender.
 * Both are optional and never required.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('support_requests', (t) => t.text('preferred_volunteer_gender').nullable());
  await knex.schema.alterTable('volunteers', (t) => t.text('gender').nullable());
  await knex.raw(checkIn('support_requests', 'preferred_volunteer_gender', PREFERRED_GENDERS, true));
  await knex.raw(checkIn('volunteers', 'gender', GENDERS, true));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('support_requests', (t) => t.dropColumn('preferred_volunteer_gender'));
  await knex.schema.alterTable('volunteers', (t) => t.dropColumn('gender'));
}
