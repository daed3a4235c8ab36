import type { Knex } from 'knex';
import { checkIn, editableColumns } from './_columns.js';

// The values as they were when this migration was written: a migration must create the same
// schema on a fresh database however the live enumerations grow later.
const EXPENSE_KINDS = ['transport', 'transfer_fee', 'other'];
const SETTLEMENT_METHODS = ['cash', 'bank_transfer'];

/** Transport costs and transfer fees the resident owes the volunteer. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('expenses', (t) => {
    editableColumns(t, knex);
    t.integer('request_id').notNullable().references('support_requests.id');
    t.integer('volunteer_id').nullable().references('volunteers.id');
    t.text('kind').notNullable();
    t.integer('amount_yen').notNullable();
    t.date('settled_on').nullable();
    t.text('settlement_method').nullable();
    t.text('note').nullable();
    t.index(['request_id']);
    t.index(['settled_on', 'created_at']);
  });
  await knex.raw(checkIn('expenses', 'kind', EXPENSE_KINDS));
  await knex.raw(checkIn('expenses', 'settlement_method', SETTLEMENT_METHODS, true));
  await knex.raw(`alter table expenses add constraint expenses_amount_check check (amount_yen between 0 and 1000000)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('expenses');
}
