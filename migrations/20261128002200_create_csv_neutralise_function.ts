import type { Knex } from 'knex';

/**
 * The CSV formula guard of server/domain/csv.ts as a SQL function, so PostgreSQL can write an
 * export itself with COPY. White space is listed explicitly: [[:space:]] depends on the locale.
 */
const LEAD = String.raw`[ \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\x01-\x1f\x7f]*`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function csv_neutralise(value text) returns text language sql immutable parallel safe as $$
      select case when value ~ '^${LEAD}[=+@|%\\-＝＋－＠]' or value ~ '^${LEAD}[\\t\\r]' then '''' || value else value end
    $$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop function csv_neutralise(text)');
}
