import type { Knex } from 'knex';

/**
 * The CSV formula guard of server/domain/csv.ts as a SQL function, so PostgreSQL can write an
 * export itself with COPY. White space is listed explicitly: [[:space:]] depends on the locale.
 */
const LEAD = String.raw`[ \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\x01-\x1f\x7f]*`;

/**
 * Most cells start with an ordinary character: decided from the first code point alone,
 * without the regular expression (exports call this for every text cell of every row).
 */
const SPECIAL = [
  0x3d, 0x2b, 0x2d, 0x40, 0x7c, 0x25, 0x7f, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0xff1d, 0xff0b, 0xff0d, 0xff20,
];
const PLAIN_START = `coalesce(ascii(value), 0) > 32 and ascii(value) not in (${SPECIAL.join(', ')}) and ascii(value) not between 8192 and 8202`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function csv_neutralise(value text) returns text language sql immutable parallel safe as $$
      select case
        when ${PLAIN_START} then value
        when value ~ '^${LEAD}[=+@|%\\-＝＋－＠\\t\\r]' then '''' || value
        else value end
    $$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop function csv_neutralise(text)');
}
