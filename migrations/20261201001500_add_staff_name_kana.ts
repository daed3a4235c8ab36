import type { Knex } from 'knex';

/**
 * A staff member's reading (フリガナ): staff lists and pickers are in 五十音 order, which a
 * name in kanji alone cannot give.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('staff', (t) => {
    t.text('name_kana');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('staff', (t) => {
    t.dropColumn('name_kana');
  });
}
