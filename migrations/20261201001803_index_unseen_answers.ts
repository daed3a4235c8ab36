import type { Knex } from 'knex';

/**
 * The menu's badge asks every minute which assignments have a volunteer's answer nobody has
 * seen: a partial index holds just those links, so the question never walks all assignments.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'create index volunteer_links_unseen_answers on volunteer_links (assignment_id) where answer is not null and seen_at is null',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists volunteer_links_unseen_answers');
}
