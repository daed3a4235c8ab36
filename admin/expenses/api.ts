import { useQuery } from '@tanstack/react-query';
import type { Identifier } from 'react-admin';
import type { SETTLEMENT_METHODS } from '../../server/domain/enums';
import { getJson, postJson } from '../providers/api';

export type Balance = { request_id: number; owed_yen: number; settled_yen: number; outstanding_yen: number; outstanding_count: number };
export type Settlement = { settled_on: string; settlement_method: (typeof SETTLEMENT_METHODS)[number] };

export const useBalance = (requestId: Identifier) =>
  useQuery({
    queryKey: ['expenses', 'balance', requestId],
    queryFn: () => getJson<Balance>(`/support-requests/${requestId}/balance`),
  });

/** All of them or none: the server refuses the lot if one is already settled. */
export const settleExpenses = (ids: Identifier[], settlement: Settlement) => postJson('/expenses/settle', { ids, ...settlement });

export const yen = (amount: number, locale = 'ja-JP') => amount.toLocaleString(locale, { style: 'currency', currency: 'JPY' });
