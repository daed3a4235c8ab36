import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { isoDate } from '../core/fields.js';
import { parseWith } from '../core/validate.js';
import { daysBetween } from '../domain/closed-dates.js';
import { guard } from '../http/guard.js';
import { closedDatesBetween } from './resource.js';

export const ClosedBetweenQuery = z.object({ from: isoDate(), to: isoDate() }).strict();

/** At most this many days are unrolled at once (a date picker shows a few months). */
const MAX_SPAN_DAYS = 3 * 366;

/** GET /api/closed-dates/between?from=&to=: the closed periods touching those dates, yearly ones unrolled. */
export function closedBetweenRouter(db: Knex): Router {
  const router = Router();
  router.get('/between', guard('closed-dates', 'list'), async (req, res) => {
    const { from, to } = parseWith(ClosedBetweenQuery, req.query, 'noun.period');
    if (to < from)
      throw new AppError('validation', 'end_on_or_after_start_date', {
        to: 'end_on_or_after_start_date',
      });
    if (daysBetween(from, to) > MAX_SPAN_DAYS) {
      throw new AppError('validation', 'closed.range_too_long', { to: 'closed.range_too_long' });
    }
    res.json(await closedDatesBetween(db, from, to));
  });
  return router;
}
