import { z } from 'zod';
import { customFilter } from '../core/list-query.js';
import { EXPENSE_KINDS, NEW_EXPENSE_KINDS, SETTLEMENT_METHODS } from '../domain/enums.js';
import { AppError } from '../core/errors.js';
import { enumOf, foreignId, isoDate, multilineText } from '../core/fields.js';
import { assertExists } from '../people/rules.js';
import { defineResource } from '../core/resource.js';
import { addEvent } from '../support-requests/timeline.js';
import { msg, schemaText } from '../core/messages.js';

/**
 * The absolute bound the database also keeps; the cap that applies is the setting
 * `max_expense_yen` (default ¥50,000), which a trigger enforces in the database too.
 */
export const MAX_EXPENSE_YEN = 1_000_000;

const yen = (n: number) => n.toLocaleString('ja-JP');

/** Refuses what the service does not pay, as a coordinator would explain it. */
export function assertExpenseRules(
  e: { kind: string; amount_yen: number; settlement_method?: string | null },
  cap: number,
  existing?: { kind: string; amount_yen: number },
): void {
  if (e.kind !== existing?.kind && !(NEW_EXPENSE_KINDS as readonly string[]).includes(e.kind)) {
    const message = 'expense.kind';
    throw new AppError('validation', message, { kind: message });
  }
  if (e.kind === 'transfer_fee' && e.settlement_method && e.settlement_method !== 'bank_transfer') {
    const message = 'expense.fee_by_transfer';
    throw new AppError('validation', message, { settlement_method: message });
  }
  if (e.amount_yen !== existing?.amount_yen && e.amount_yen > cap) {
    const message = msg('expense.cap', { cap: yen(cap) });
    throw new AppError('validation', message, { amount_yen: message });
  }
}

export const ExpenseSchema = z.object({
  request_id: foreignId(),
  volunteer_id: foreignId().nullable().optional(),
  kind: enumOf(EXPENSE_KINDS),
  amount_yen: z
    .number({ error: '金額を円単位の整数で入力してください。' })
    .int('金額は 1 円単位の整数で入力してください。')
    .min(0, '金額は 0 円以上にしてください。')
    .max(MAX_EXPENSE_YEN, schemaText('field.amount_max', { max: yen(MAX_EXPENSE_YEN) })),
  settled_on: isoDate().nullable().optional(),
  settlement_method: enumOf(SETTLEMENT_METHODS).nullable().optional(),
  note: multilineText(1000),
});

/** 交通費・振込手数料: what the resident owes the volunteer, and whether it has been settled. */
export const expenses = defineResource()({
  name: 'expenses',
  schema: ExpenseSchema,
  list: {
    table: 'expenses',
    fields: {
      id: 'int',
      request_id: 'int',
      volunteer_id: 'int',
      kind: { enum: EXPENSE_KINDS },
      amount_yen: 'int',
      settled_on: 'date',
      settlement_method: { enum: SETTLEMENT_METHODS },
      created_at: 'timestamp',
      updated_at: 'timestamp',
    },
    sortable: ['id', 'created_at', 'amount_yen', 'settled_on', 'request_id', 'kind'],
    defaultSort: ['created_at', 'ASC'],
    custom: {
      outstanding: customFilter({
        schema: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
        apply: (qb, yes: boolean) => {
          if (yes) qb.whereNull('expenses.settled_on');
          else qb.whereNotNull('expenses.settled_on');
        },
      }),
    },
  },
  check: async (e, { trx, settings }, existing) => {
    assertExpenseRules(e, (await settings()).max_expense_yen, existing);
    if (e.settled_on && !e.settlement_method) {
      throw new AppError('validation', 'expense.method', {
        settlement_method: 'expense.method_with_date',
      });
    }
    await assertExists(trx, 'support_requests', 'request_id', e.request_id, 'noun.request');
    await assertExists(trx, 'volunteers', 'volunteer_id', e.volunteer_id, 'noun.volunteer');
  },
  // Most often the money goes to the volunteer who did the activity.
  derive: async (e, { trx }, existing) => {
    if (existing || e.volunteer_id) return {};
    const a = await trx('assignments').where({ request_id: e.request_id, status: 'confirmed' }).first('volunteer_id');
    return { volunteer_id: a?.volunteer_id ?? null };
  },
  after: async (row, { trx, actor }, existing) => {
    const what = `${row.kind === 'transport' ? '交通費' : row.kind === 'transfer_fee' ? '振込手数料' : 'その他費用'} ${row.amount_yen.toLocaleString('ja-JP')} 円`;
    const body = !existing ? `${what}を登録` : row.settled_on && !existing.settled_on ? `${what}を精算済みに` : `${what}を更新`;
    const code = !existing ? 'expense_added' : row.settled_on && !existing.settled_on ? 'expense_settled' : 'expense_updated';
    const message = { code, params: { kind: row.kind, amount: Number(row.amount_yen) } };
    await addEvent(trx, { request_id: row.request_id, staff_id: actor.id, kind: 'expense', body, message });
  },
});
