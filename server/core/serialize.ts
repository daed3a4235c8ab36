import { toTokyoIso } from '../domain/time.js';

/** Columns the API never returns. */
export const HIDDEN = new Set(['search_text', 'search_basic', 'password_hash']);

/** A database row as API JSON: timestamps in Japan time with offset, internal columns removed. */
export function serializeRow(row: Record<string, unknown>, hide: readonly string[] | ReadonlySet<string> = []): Record<string, unknown> {
  const hidden = Array.isArray(hide) ? new Set(hide) : (hide as ReadonlySet<string>);
  const out: Record<string, unknown> = {};
  for (const key in row) {
    if (HIDDEN.has(key) || hidden.has(key)) continue;
    const value = row[key];
    out[key] = value instanceof Date ? toTokyoIso(value) : value;
  }
  return out;
}
