import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // btree_gist: the exclusion constraint that forbids double booking; pg_trgm: indexed search.
  await knex.raw('create extension if not exists btree_gist');
  await knex.raw('create extension if not exists pg_trgm');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop extension if exists pg_trgm');
  await knex.raw('drop extension if exists btree_gist');
}
