import type { Knex } from 'knex';
import { checkIn, editableColumns } from './_columns.js';

// The values as they were when this migration was written: a migration must create the same
// schema on a fresh database however the live enumerations grow later.
const ROLES = ['admin', 'coordinator', 'volunteer_staff', 'secretariat'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('staff', (t) => {
    editableColumns(t, knex);
    t.text('email').notNullable();
    t.text('display_name').notNullable();
    t.text('role').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.text('password_hash').notNullable();
  });
  await knex.raw(checkIn('staff', 'role', ROLES));
  await knex.raw('create unique index staff_email_unique on staff (lower(email))');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('staff');
}
