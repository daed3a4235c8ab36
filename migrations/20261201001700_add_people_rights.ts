import type { Knex } from 'knex';

/**
 * People's rights over their data (APPI): a volunteer can be anonymised like a resident; a
 * resident or volunteer can ask that their data no longer be used to contact them (when and
 * why); the settings say how long records are kept before they are listed for anonymising.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('volunteers', (t) => {
    t.timestamp('anonymised_at', { useTz: true }).nullable();
  });
  // A finished request whose casework text was erased when its retention period ended.
  await knex.schema.alterTable('support_requests', (t) => {
    t.timestamp('anonymised_at', { useTz: true }).nullable();
  });
  for (const table of ['clients', 'volunteers']) {
    await knex.schema.alterTable(table, (t) => {
      t.timestamp('contact_stopped_at', { useTz: true }).nullable();
      t.text('contact_stop_reason').nullable();
    });
    // A stop of use is always recorded with its reason.
    await knex.raw(
      `alter table ${table} add constraint ${table}_contact_stop_check check (contact_stopped_at is null or contact_stop_reason is not null)`,
    );
  }
  await knex.schema.alterTable('settings', (t) => {
    t.integer('retention_request_years').notNullable().defaultTo(5);
    t.integer('retention_client_years').notNullable().defaultTo(5);
    t.integer('retention_volunteer_years').notNullable().defaultTo(5);
    t.integer('audit_retention_years').notNullable().defaultTo(3);
  });
  await knex.raw(
    `alter table settings add constraint settings_retention_check check (
       retention_request_years between 1 and 30 and retention_client_years between 1 and 30
       and retention_volunteer_years between 1 and 30 and audit_retention_years between 1 and 30)`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table settings drop constraint settings_retention_check');
  await knex.schema.alterTable('settings', (t) => {
    t.dropColumns('retention_request_years', 'retention_client_years', 'retention_volunteer_years', 'audit_retention_years');
  });
  for (const table of ['clients', 'volunteers']) {
    await knex.raw(`alter table ${table} drop constraint ${table}_contact_stop_check`);
    await knex.schema.alterTable(table, (t) => {
      t.dropColumns('contact_stopped_at', 'contact_stop_reason');
    });
  }
  await knex.schema.alterTable('support_requests', (t) => {
    t.dropColumn('anonymised_at');
  });
  await knex.schema.alterTable('volunteers', (t) => {
    t.dropColumn('anonymised_at');
  });
}
