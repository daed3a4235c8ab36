import type { Knex } from 'knex';
import { checkIn } from './_columns.js';

// The values as they were when this migration was written.
const ID_DOCUMENT_TYPES = [
  'drivers_license',
  'my_number_card',
  'passport',
  'residence_card',
  'health_insurance_card',
  'qualification_certificate',
  'other',
];
const PREVIOUS = ['drivers_license', 'my_number_card', 'passport', 'residence_card', 'health_insurance_card', 'other'];

/**
 * ID documents of today: 資格確認書 (qualification_certificate) is added; 健康保険証 stays
 * readable on old checks (the API refuses it on new ones: issuance ended in December 2024).
 * A check records the document's expiry month (never its number), so a check on a residence
 * card cannot stay valid past the card.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table id_checks drop constraint id_checks_document_type_check');
  await knex.raw(checkIn('id_checks', 'document_type', ID_DOCUMENT_TYPES));
  await knex.schema.alterTable('id_checks', (t) => {
    t.text('document_expiry_month').nullable();
  });
  await knex.raw(
    "alter table id_checks add constraint id_checks_document_expiry_month_check check (document_expiry_month is null or document_expiry_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("update id_checks set document_type = 'other' where document_type = 'qualification_certificate'");
  await knex.raw('alter table id_checks drop constraint id_checks_document_type_check');
  await knex.raw(checkIn('id_checks', 'document_type', PREVIOUS));
  await knex.schema.alterTable('id_checks', (t) => t.dropColumn('document_expiry_month'));
}
