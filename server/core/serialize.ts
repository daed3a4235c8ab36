import { toTokyoIso } from '../domain/time.js';

/** Columns the API never returns. */
const HIDDEN = new Set(['search_text', 'search_basic', 'password_hash']);

/** A database row as API JSON: timestamps in Japan time with offset, internal columns removed. */
export function serializeRow(row: Record<string, unknown>, hide: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (HIDDEN.has(key) || hide.includes(key)) continue;
    out[key] = value instanceof Date ? toTokyoIso(value) : value;
  }
  return out;
}
