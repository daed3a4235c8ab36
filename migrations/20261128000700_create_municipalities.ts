import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('municipalities', (t) => {
    // 6-digit 全国地方公共団体コード (with its check digit), e.g. 131105 for 目黒区.
    t.text('code').primary();
    t.text('name_ja').notNullable();
    t.text('name_kana').nullable();
    t.text('name_en').notNullable();
    t.text('prefecture').notNullable();
    t.boolean('in_service_area').notNullable().defaultTo(false);
  });
  await knex.raw(`alter table municipalities add constraint municipalities_code_check check (code ~ '^[0-9]{6}$')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('municipalities');
}
