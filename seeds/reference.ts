import type { Knex } from 'knex';
import { MUNICIPALITIES } from './data/municipalities.js';

/** Reference data every installation needs, production included. Upserts, so re-running is safe. */
export async function seedReference(knex: Knex | Knex.Transaction): Promise<void> {
  await knex('municipalities')
    .insert(MUNICIPALITIES.map((m) => ({ ...m })))
    .onConflict('code')
    .merge();
}
