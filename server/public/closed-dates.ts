import type { Knex } from 'knex';

/**
 * Dates the NPO is closed besides weekends and public holidays, for the residents' form
 * (`closedDates` in GET /api/public/form-config). The settings do not hold closed dates yet:
 * this is the one place to read them from once they do.
 */
export async function closedDates(_db: Knex, _from: string, _to: string): Promise<{ date: string; name: string }[]> {
  return [];
}
