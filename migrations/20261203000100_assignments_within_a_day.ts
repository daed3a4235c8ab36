import type { Knex } from 'knex';

/**
 * An assignment lasts less than a day. The app already refuses anything else (a confirmed
 * activity starts and ends on the same day in Japan, within the longest activity the settings
 * allow); the database now holds it too, so matching can read a volunteer's activities from a
 * day before the request's start instead of all of them since they joined.
 */
export async function up(knex: Knex): Promise<void> {
  const { rows } = await knex.raw(`select id from assignments where end_at >= start_at + interval '24 hours' order by id limit 20`);
  if (rows.length) {
    const ids = rows.map((r: { id: number }) => r.id).join(', ');
    throw new Error(`assignments lasting a day or more must be corrected before this migration (ids: ${ids})`);
  }
  await knex.raw(`alter table assignments add constraint assignments_within_a_day check (end_at < start_at + interval '24 hours')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table assignments drop constraint if exists assignments_within_a_day');
}
