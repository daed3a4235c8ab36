import type { Knex } from 'knex';

/**
 * Next value of a gapless counter, inside the caller's transaction: the row lock serialises
 * concurrent creators, and a rollback gives the number back.
 */
export async function nextNumber(trx: Knex.Transaction, name: string): Promise<number> {
  const rows = await trx.raw<{ rows: { value: number }[] }>(
    `insert into counters (name, value) values (?, 1)
     on conflict (name) do update set value = counters.value + 1
     returning value`,
    [name],
  );
  return rows.rows[0]!.value;
}

export function formatNumber(prefix: string, value: number, width = 5): string {
  return `${prefix}${String(value).padStart(width, '0')}`;
}
