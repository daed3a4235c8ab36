import type { Knex } from 'knex';
import { tokyoDate } from '../domain/time.js';
import { listDue } from './due.js';

/** The job queue's queue for the daily retention check. */
export const RETENTION_QUEUE = 'retention-daily';

/** The check runs at 03:00 Japan time, when nobody is working. */
export function nextRetentionRun(now: Date): { asOf: string; at: Date } {
  const today = tokyoDate(now);
  const todayRun = new Date(`${today}T03:00:00+09:00`);
  if (todayRun > now) return { asOf: today, at: todayRun };
  const tomorrow = tokyoDate(new Date(todayRun.getTime() + 24 * 3600_000));
  return { asOf: tomorrow, at: new Date(`${tomorrow}T03:00:00+09:00`) };
}

/**
 * Lists what has passed its retention date on `asOf` and records how much (retention_scans).
 * Nothing is anonymised here: that stays an admin's step. Returns false when the day was
 * checked already (another server's job), so only one chain of daily jobs continues.
 */
export async function recordRetentionScan(db: Knex, asOf: string): Promise<boolean> {
  const due = await listDue(db, asOf);
  const inserted = await db('retention_scans')
    .insert({
      as_of: asOf,
      requests: due.requests.length,
      clients: due.clients.length,
      volunteers: due.volunteers.length,
      audit_entries: due.audit_log.count,
    })
    .onConflict('as_of')
    .ignore()
    .returning('as_of');
  return inserted.length > 0;
}

/** The latest daily check, for the admin page. */
export async function lastRetentionScan(db: Knex) {
  const row = await db('retention_scans').orderBy('as_of', 'desc').first();
  if (!row) return null;
  const asOf = row.as_of instanceof Date ? tokyoDate(row.as_of) : String(row.as_of);
  return {
    as_of: asOf,
    scanned_at: row.scanned_at,
    requests: row.requests,
    clients: row.clients,
    volunteers: row.volunteers,
    audit_entries: row.audit_entries,
  };
}
