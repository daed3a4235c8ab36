import type { Knex } from 'knex';
import { closedDatesBetween } from '../closed-dates/resource.js';

const DAY_MS = 86_400_000;

/**
 * The NPO's closed days (休業期間, kept by an admin) between two dates, one entry per day with
 * the period's reason, for the residents' form (`closedDates` in GET /api/public/form-config).
 */
export async function closedDates(db: Knex, from: string, to: string): Promise<{ date: string; name: string }[]> {
  const days: { date: string; name: string }[] = [];
  for (const period of await closedDatesBetween(db, from, to)) {
    const last = Math.min(Date.parse(`${period.to_date}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`));
    for (let t = Math.max(Date.parse(`${period.from_date}T00:00:00Z`), Date.parse(`${from}T00:00:00Z`)); t <= last; t += DAY_MS) {
      days.push({ date: new Date(t).toISOString().slice(0, 10), name: period.reason });
    }
  }
  return days;
}
