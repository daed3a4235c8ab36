import type { Knex } from 'knex';
import { z } from 'zod';
import { type ClosedOccurrence, type ClosedPeriod, closedOccurrences, daysBetween, MAX_YEARLY_DAYS } from '../domain/closed-dates.js';
import { AppError } from '../core/errors.js';
import { isoDate, requiredText } from '../core/fields.js';
import { defineResource } from '../core/resource.js';

export const ClosedDateSchema = z.object({
  from_date: isoDate(),
  to_date: isoDate(),
  reason: requiredText(200),
  every_year: z.boolean({ error: '毎年繰り返すかどうかを はい／いいえ で選んでください。' }).default(false),
});

/** 休業期間: dates the service is closed, refused like a public holiday with their reason. */
export const closedDates = defineResource()({
  name: 'closed-dates',
  schema: ClosedDateSchema,
  list: {
    table: 'closed_dates',
    fields: { id: 'int', from_date: 'date', to_date: 'date', every_year: 'bool', created_at: 'timestamp', updated_at: 'timestamp' },
    sortable: ['id', 'from_date', 'to_date', 'reason', 'every_year', 'updated_at'],
    defaultSort: ['from_date', 'ASC'],
  },
  check: (d) => {
    if (d.to_date < d.from_date) {
      throw new AppError('validation', 'end_on_or_after_start_date', {
        to_date: 'end_on_or_after_start_date',
      });
    }
    if (d.every_year && daysBetween(d.from_date, d.to_date) >= MAX_YEARLY_DAYS) {
      throw new AppError('validation', 'closed.yearly_too_long', {
        to_date: 'closed.yearly_too_long',
      });
    }
  },
});

/** Every closed period as stored, for the service rules (settings carry them). */
export async function readClosedPeriods(db: Knex | Knex.Transaction): Promise<ClosedPeriod[]> {
  return db('closed_dates').orderBy('from_date').orderBy('id').select('from_date', 'to_date', 'reason', 'every_year');
}

/**
 * The closed dates between two Japan-time dates (YYYY-MM-DD, both included), yearly periods
 * unrolled into their occurrences: what a date picker or the residents' form greys out.
 */
export async function closedDatesBetween(db: Knex | Knex.Transaction, from: string, to: string): Promise<ClosedOccurrence[]> {
  return closedOccurrences(await readClosedPeriods(db), from, to);
}
