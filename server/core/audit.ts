import type { Knex } from 'knex';
import type { AUDIT_ACTIONS } from '../domain/enums.js';

export type AuditEntry = {
  staff_id: number | null;
  action: (typeof AUDIT_ACTIONS)[number];
  resource: string;
  record_id?: string | number | null;
  changed_fields?: string[];
  details?: Record<string, unknown>;
};

const auditRow = (entry: AuditEntry) => ({
  staff_id: entry.staff_id,
  action: entry.action,
  resource: entry.resource,
  record_id: entry.record_id == null ? null : String(entry.record_id),
  changed_fields: entry.changed_fields ?? [],
  details: entry.details ? JSON.stringify(entry.details) : null,
});

/** Written inside the caller's transaction, so the change and its audit entry land together. */
export async function audit(trx: Knex.Transaction | Knex, entry: AuditEntry): Promise<void> {
  await trx('audit_log').insert(auditRow(entry));
}

/** Many entries in one statement (a bulk create writes one per record). */
export async function auditMany(trx: Knex.Transaction, entries: AuditEntry[]): Promise<void> {
  if (entries.length) await trx('audit_log').insert(entries.map(auditRow));
}

/** Names of the fields whose value differs between the stored row and the patch. */
export function changedFields(before: Record<string, unknown>, patch: Record<string, unknown>): string[] {
  return Object.keys(patch).filter((key) => JSON.stringify(normalise(before[key])) !== JSON.stringify(normalise(patch[key])));
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const t = Date.parse(value);
    return Number.isNaN(t) ? value : t;
  }
  return value ?? null;
}
