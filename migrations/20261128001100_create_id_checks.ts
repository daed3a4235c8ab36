import type { Knex } from 'knex';
import { checkIn, editableColumns } from './_columns.js';

// The values as they were when this migration was written: a migration must create the same
// schema on a fresh database however the live enumerations grow later.
const ID_CHECK_METHODS = ['in_person', 'video_call'];
const ID_CHECK_RESULTS = ['passed', 'failed'];
const ID_DOCUMENT_TYPES = ['drivers_license', 'my_number_card', 'passport', 'residence_card', 'health_insurance_card', 'other'];

/** 本人確認: that a check was done, how, by whom, when, until when. Never a document number or image. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('id_checks', (t) => {
    editableColumns(t, knex);
    t.integer('volunteer_id').notNullable().references('volunteers.id');
    t.date('checked_on').notNullable();
    t.text('method').notNullable();
    t.text('document_type').notNullable();
    t.text('result').notNullable();
    t.date('valid_until').nullable();
    t.text('notes').nullable();
    t.integer('checked_by').notNullable().references('staff.id');
    t.index(['volunteer_id', 'checked_on']);
    t.index(['valid_until']);
  });
  await knex.raw(checkIn('id_checks', 'method', ID_CHECK_METHODS));
  await knex.raw(checkIn('id_checks', 'document_type', ID_DOCUMENT_TYPES));
  await knex.raw(checkIn('id_checks', 'result', ID_CHECK_RESULTS));
  await knex.raw(`alter table id_checks add constraint id_checks_validity_check check (valid_until is null or valid_until >= checked_on)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('id_checks');
}
