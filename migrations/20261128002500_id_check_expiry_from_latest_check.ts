import type { Knex } from 'knex';

/**
 * A volunteer's ID-check expiry now comes from their most recent check, and a failed one
 * leaves none (server/id-checks/resource.ts). Existing volunteers are brought into line once.
 * Going down restores the former rule: the latest valid_until among passed checks.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    update volunteers v set id_check_valid_until = (
      select case when c.result = 'passed' then c.valid_until end
        from id_checks c where c.volunteer_id = v.id
       order by c.checked_on desc, c.id desc limit 1)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    update volunteers v set id_check_valid_until = (
      select max(c.valid_until) from id_checks c where c.volunteer_id = v.id and c.result = 'passed')`);
}
