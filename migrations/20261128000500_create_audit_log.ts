import type { Knex } from 'knex';
import { AUDIT_ACTIONS } from '../server/domain/enums.js';
import { checkIn } from './_columns.js';

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
