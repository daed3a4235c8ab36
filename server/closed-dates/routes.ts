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
    const { from, to } = parseWith(ClosedBetweenQuery, req.query, '期間');
    if (to < from)
      throw new AppError('validation', '終了日は開始日と同じか後の日付にしてください。', {
        to: '終了日は開始日と同じか後の日付にしてください。',
      });
    if (daysBetween(from, to) > MAX_SPAN_DAYS) {
      throw new AppError('validation', '期間は 3 年以内で指定してください。', { to: '期間は 3 年以内で指定してください。' });
    }
    res.json(await closedDatesBetween(db, from, to));
  });
  return router;
}
