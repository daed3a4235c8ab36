import type { Knex } from 'knex';
import { AppError } from './errors.js';

/** Counted in the database, so the limit holds across every server process. */
export async function hitsSince(db: Knex, bucket: string, minutes: number): Promise<number> {
  const [{ n }] = (await db('rate_limit_hits')
    .where('bucket', bucket)
    .andWhere('at', '>', db.raw(`now() - make_interval(mins => ?)`, [minutes]))
    .count({ n: '*' })) as [{ n: number | string }];
  return Number(n);
}

export async function recordHit(db: Knex | Knex.Transaction, bucket: string): Promise<void> {
  await db('rate_limit_hits').insert({ bucket });
  // Old hits are worthless: trim them now and then instead of with a scheduler.
  if (Math.random() < 0.05) await db('rate_limit_hits').where('at', '<', db.raw(`now() - interval '1 day'`)).delete();
}

export async function clearHits(db: Knex | Knex.Transaction, bucket: string): Promise<void> {
  await db('rate_limit_hits').where('bucket', bucket).delete();
}

export function rateLimited(message: string): AppError {
  return new AppError('rate_limited', message);
}
