import type { Knex } from 'knex';

/**
 * Reserves `count` consecutive values of a gapless counter, inside the caller's transaction,
 * in one statement, and returns the first. The row lock serialises concurrent creators until
 * the caller's transaction ends, and a rollback gives the numbers back.
 */
export async function reserveNumbers(trx: Knex.Transaction, name: string, count: number): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`reserveNumbers: count must be a positive integer, got ${count}`);
  const rows = await trx.raw<{ rows: { value: number }[] }>(
    `insert into counters (name, value) values (?, ?)
     on conflict (name) do update set value = counters.value + excluded.value
     returning value`,
    [name, count],
  );
  return Number(rows.rows[0]!.value) - count + 1;
}

/** Next value of a gapless counter, inside the caller's transaction. */
export async function nextNumber(trx: Knex.Transaction, name: string): Promise<number> {
  return reserveNumbers(trx, name, 1);
}

/**
 * Numbers reserved ahead for many creates in one transaction (a roster import): each create
 * takes the next one instead of locking the counter itself.
 */
export class NumberBlock {
  private taken = 0;
  constructor(
    readonly name: string,
    readonly first: number,
    readonly count: number,
  ) {}

  take(): number {
    if (this.taken >= this.count) throw new Error(`number block ${this.name} is used up (${this.count} reserved)`);
    return this.first + this.taken++;
  }

  get used(): number {
    return this.taken;
  }
}

/** The counter's next number for a new record: from the caller's reserved block when there is one. */
export async function takeNumber(ctx: { trx: Knex.Transaction; numbers?: NumberBlock }, name: string): Promise<number> {
  if (ctx.numbers?.name === name) return ctx.numbers.take();
  return nextNumber(ctx.trx, name);
}

export function formatNumber(prefix: string, value: number, width = 5): string {
  return `${prefix}${String(value).padStart(width, '0')}`;
}
