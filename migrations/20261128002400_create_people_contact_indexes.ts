import type { Knex } from 'knex';

/**
 * The duplicate check looks people up by phone digits and by e-mail address. It runs for every
 * row of a roster import, so these are indexed rather than scanned.
 */
const INDEXES = ['clients', 'volunteers'].flatMap((table) => [
  [`${table}_phone_digits`, `create index ${table}_phone_digits on ${table} (regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'))`],
  [`${table}_email_lower`, `create index ${table}_email_lower on ${table} (lower(email))`],
]);

export async function up(knex: Knex): Promise<void> {
  for (const [, sql] of INDEXES) await knex.raw(sql!);
}

export async function down(knex: Knex): Promise<void> {
  for (const [name] of INDEXES) await knex.raw(`drop index ${name}`);
}
