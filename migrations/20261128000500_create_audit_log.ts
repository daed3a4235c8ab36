import type { Knex } from 'knex';
import { checkIn } from './_columns.js';

// The values as they were when this migration was written: a migration must create the same
// schema on a fresh database however the live enumerations grow later.
const AUDIT_ACTIONS = ['create', 'update', 'delete', 'archive', 'status', 'login', 'logout', 'export', 'view'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id').primary();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('staff_id').nullable().references('staff.id');
    t.text('action').notNullable();
    t.text('resource').notNullable();
    t.text('record_id').nullable();
    t.specificType('changed_fields', 'text[]').notNullable().defaultTo('{}');
    // Context that is not personal data: export filters, a status transition, a login IP.
    t.jsonb('details').nullable();
    t.index(['resource', 'record_id']);
    t.index(['at']);
    t.index(['staff_id']);
  });
  await knex.raw(checkIn('audit_log', 'action', AUDIT_ACTIONS));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log');
}
