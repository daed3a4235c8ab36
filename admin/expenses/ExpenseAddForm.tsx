import { Stack } from '@mui/material';
import { useState } from 'react';
import { Form, NumberInput, SaveButton, SelectInput, TextInput, minValue, number, required, useCreate, useNotify, useRefresh, type Identifier } from 'react-admin';
import { choicesFor } from '../choices';
import { apiErrorMessage, type ApiError } from '../providers/api';

const DEFAULTS = { kind: 'transport', amount_yen: null, note: '' };
// The upper bound (a typo such as 42000 for 420) is the server's: its message lands here.
const AMOUNT = [required(), number(), minValue(0)];

/** One line: what kind, how many yen; the volunteer defaults to the confirmed one on the server. */
export const ExpenseAddForm = ({ request_id }: { request_id: Identifier }) => {
  const [create] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [round, setRound] = useState(0);
  const submit = async (values: Record<string, unknown>) => {
    try {
      await create('expenses', { data: { ...values, request_id } }, { returnPromise: true });
      setRound((n) => n + 1);
      refresh();
    } catch (error) {
      const e = error as ApiError;
      // The sentence in a notification, each field's own message beside the field.
      notify(apiErrorMessage(error), { type: 'error' });
      return e.body?.errors;
    }
  };
  return (
    <Form resource="expenses" record={DEFAULTS} onSubmit={submit} key={round}>
      <Stack direction="row" data-testid="expense-add" sx={{ gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <SelectInput source="kind" choices={choicesFor('expense_kind')} validate={required()} helperText={false} fullWidth={false} sx={{ minWidth: 160 }} />
        <NumberInput source="amount_yen" validate={AMOUNT} step={10} min={0} helperText={false} fullWidth={false} sx={{ width: 160 }} />
        <TextInput source="note" helperText={false} fullWidth={false} sx={{ minWidth: 240 }} />
        <SaveButton label="casework.expenses.add" sx={{ mt: 1 }} />
      </Stack>
    </Form>
  );
};
