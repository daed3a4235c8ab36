import type { Knex } from 'knex';
import { checkIn } from './_columns.js';

/**
 * Anonymising a client who no longer needs the NPO's help: the moment it happened is kept on
 * the client, and the audit log accepts the new action 'anonymise'.
 */
// Written out, not read from AUDIT_ACTIONS: this migration must mean the same when the enum grows.
const BEFORE = ['create', 'update', 'delete', 'archive', 'status', 'login', 'logout', 'export', 'view'];
const AFTER = [...BEFORE, 'anonymise'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('clients', (t) => {
    t.timestamp('anonymised_at', { useTz: true }).nullable();
  });
  await knex.raw('alter table audit_log drop constraint audit_log_action_check');
  await knex.raw(checkIn('audit_log', 'action', AFTER));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table audit_log drop constraint audit_log_action_check');
  // The anonymisations stay on record as updates: the log is never shortened.
  await knex('audit_log').where('action', 'anonymise').update({ action: 'update' });
  await knex.raw(checkIn('audit_log', 'action', BEFORE));
  await knex.schema.alterTable('clients', (t) => {
    t.dropColumn('anonymised_at');
  });
}
