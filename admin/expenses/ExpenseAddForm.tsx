import { Stack } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  NumberInput,
  SaveButton,
  SelectInput,
  TextInput,
  minValue,
  number,
  required,
  useCreate,
  useNotify,
  useRefresh,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { NEW_EXPENSE_KINDS } from '../../server/domain/enums';
import { choicesFor } from '../choices';
import { useApiSubmit } from '../providers/useApiSubmit';

const DEFAULTS = { kind: 'transport', amount_yen: null, note: '' };
// The upper bound (the settings' cap, ¥50,000 by default) is the server's: its message lands here.
const AMOUNT = [required(), number(), minValue(0)];

/** One line: what kind, how many yen; the volunteer defaults to the confirmed one on the server. */
export const ExpenseAddForm = ({ requestId }: { requestId: Identifier }) => {
  const [create] = useCreate();
  const refresh = useRefresh();
  const notify = useNotify();
  const translate = useTranslate();
  const [round, setRound] = useState(0);
  const submit = useApiSubmit(async (values: Record<string, unknown>) => {
    await create('expenses', { data: { ...values, request_id: requestId } }, { returnPromise: true });
    setRound((n) => n + 1);
    // The line clears itself, so say that it was saved.
    notify('expense_added', {
      type: 'success',
      messageArgs: { kind: translate(`enums.expense_kind.${values.kind}`), amount: Number(values.amount_yen).toLocaleString('ja-JP') },
    });
    refresh();
  });
  return (
    <Form resource="expenses" record={DEFAULTS} onSubmit={submit} key={round}>
      <Stack direction="row" data-testid="expense-add" sx={{ gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <SelectInput
          source="kind"
          choices={choicesFor('expense_kind').filter((c) => (NEW_EXPENSE_KINDS as readonly string[]).includes(c.id))}
          validate={required()}
          helperText={false}
          fullWidth={false}
          sx={{ minWidth: 160 }}
        />
        <NumberInput source="amount_yen" validate={AMOUNT} step={10} min={0} helperText={false} fullWidth={false} sx={{ width: 160 }} />
        <TextInput source="note" helperText={false} fullWidth={false} sx={{ minWidth: 240 }} />
        <SaveButton label="casework.expenses.add" sx={{ mt: 1 }} />
      </Stack>
    </Form>
  );
};
