import { Box, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  CanAccess,
  RecordContextProvider,
  ReferenceField,
  useGetList,
  useLocaleState,
  useTranslate,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import { formatTokyo } from '../format';
import { useBalance, yen } from './api';
import { ExpenseAddForm } from './ExpenseAddForm';
import { SettleDialog } from './SettleDialog';
import { useSettle } from './useSettle';

const OLDEST_FIRST = { field: 'created_at', order: 'ASC' } as const;

const BalanceLine = ({ requestId }: { requestId: Identifier }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useBalance(requestId);
  if (!data) return null;
  return (
    <Stack direction="row" sx={{ gap: 3, mb: 1 }} data-testid="expense-balance">
      <Typography variant="body2">{translate('casework.expenses.owed', { amount: yen(data.owed_yen, locale) })}</Typography>
      <Typography variant="body2">{translate('casework.expenses.settled_total', { amount: yen(data.settled_yen, locale) })}</Typography>
      <Typography variant="body2" sx={{ fontWeight: 700 }} color={data.outstanding_yen > 0 ? 'warning.main' : 'success.main'}>
        {translate('casework.expenses.outstanding', { amount: yen(data.outstanding_yen, locale), smart_count: data.outstanding_count })}
      </Typography>
    </Stack>
  );
};

/** What the resident owes for this request, what is settled, and a line to add a cost. */
const RequestExpenses = ({ request }: { request: RaRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: expenses } = useGetList('expenses', {
    filter: { request_id: request.id },
    sort: OLDEST_FIRST,
    pagination: { page: 1, perPage: 200 },
  });
  const [settling, setSettling] = useState<Identifier[] | null>(null);
  const settle = useSettle(() => setSettling(null));
  const outstanding = (expenses ?? []).filter((e) => !e.settled_on).map((e) => e.id);
  const f = (source: string) => translate(`resources.expenses.fields.${source}`);
  return (
    <Card variant="outlined" data-testid="request-expenses">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2">
            {translate('resources.expenses.name', { smart_count: 2 })}
          </Typography>
          {outstanding.length > 1 && (
            <CanAccess resource="expenses" action="edit">
              <Box sx={{ ml: 'auto' }}>
                <Button label="casework.expenses.settle_all" onClick={() => setSettling(outstanding)} />
              </Box>
            </CanAccess>
          )}
        </Stack>
        <BalanceLine requestId={request.id} />
        {expenses && expenses.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{f('kind')}</TableCell>
                <TableCell align="right">{f('amount_yen')}</TableCell>
                <TableCell>{f('volunteer_id')}</TableCell>
                <TableCell>{f('note')}</TableCell>
                <TableCell>{f('settled_on')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {expenses.map((expense) => (
                <RecordContextProvider key={expense.id} value={expense}>
                  <TableRow data-testid="expense-row">
                    <TableCell>{translate(`enums.expense_kind.${expense.kind}`)}</TableCell>
                    <TableCell align="right">{yen(expense.amount_yen, locale)}</TableCell>
                    <TableCell>
                      <ReferenceField source="volunteer_id" reference="volunteers" link={false} emptyText="—" />
                    </TableCell>
                    <TableCell>{expense.note}</TableCell>
                    <TableCell>
                      {expense.settled_on ? (
                        `${formatTokyo(expense.settled_on, false)} ${expense.settlement_method ? translate(`enums.settlement_method.${expense.settlement_method}`) : ''}`
                      ) : (
                        <CanAccess resource="expenses" action="edit">
                          <Button
                            label="casework.expenses.mark_settled"
                            size="small"
                            variant="outlined"
                            onClick={() => setSettling([expense.id])}
                          />
                        </CanAccess>
                      )}
                    </TableCell>
                  </TableRow>
                </RecordContextProvider>
              ))}
            </TableBody>
          </Table>
        )}
        <CanAccess resource="expenses" action="create">
          <Box sx={{ mt: 2 }}>
            <ExpenseAddForm requestId={request.id} />
          </Box>
        </CanAccess>
        {settling && (
          <SettleDialog
            count={settling.length}
            pending={settle.isPending}
            error={settle.errorMessage}
            onConfirm={(settlement) => settle.mutate({ ids: settling, settlement })}
            onCancel={() => {
              settle.reset();
              setSettling(null);
            }}
          />
        )}
      </CardContent>
    </Card>
  );
};

export default RequestExpenses;
