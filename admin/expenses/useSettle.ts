import { useMutation } from '@tanstack/react-query';
import { useNotify, useRefresh, type Identifier } from 'react-admin';
import { apiErrorMessage } from '../providers/api';
import { settleExpenses, type Settlement } from './api';

/** Settles the given expenses, then reloads what is on screen (lists, balances, timeline). */
export const useSettle = (onDone: () => void) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const mutation = useMutation({
    mutationFn: ({ ids, settlement }: { ids: Identifier[]; settlement: Settlement }) => settleExpenses(ids, settlement),
    onSuccess: (_rows, { ids }) => {
      notify('casework.expenses.settled', { type: 'info', messageArgs: { smart_count: ids.length } });
      onDone();
      refresh();
    },
  });
  return { ...mutation, errorMessage: mutation.error ? apiErrorMessage(mutation.error) : undefined };
};
