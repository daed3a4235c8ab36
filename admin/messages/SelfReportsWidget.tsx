import { Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Button, CanAccess, RecordContextProvider, ReferenceField, useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { formatTokyo } from '../format';
import { apiErrorMessage, postJson } from '../providers/api';

const PENDING = { pending: true };
const OLDEST = { field: 'submitted_at', order: 'ASC' } as const;

const Pending = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { data, total, isPending, error } = useGetList('self-reports', {
    filter: PENDING,
    sort: OLDEST,
    pagination: { page: 1, perPage: 5 },
  });
  const file = async (id: number) => {
    try {
      await postJson(`/self-reports/${id}/file`, {});
      notify('outbox.filed', { type: 'info' });
      refresh();
    } catch (err) {
      notify(apiErrorMessage(err), { type: 'error' });
    }
  };
  return (
    <Card variant="outlined" sx={{ minWidth: 300 }} data-testid="self-reports-widget">
      <CardContent sx={{ pb: 0 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('outbox.self_reports_title')}
        </Typography>
        <Typography variant="h4" component="p">
          {isPending ? '…' : error ? '—' : (total ?? 0)}
        </Typography>
      </CardContent>
      {data && data.length > 0 && (
        <List dense>
          {data.map((r) => (
            <RecordContextProvider key={r.id} value={r}>
              <ListItem secondaryAction={<Button label="outbox.file" size="small" onClick={() => file(r.id)} />}>
                <ListItemText
                  primary={<ReferenceField source="request_id" reference="support-requests" link="show" />}
                  secondary={
                    <>
                      {formatTokyo(r.actual_start_at, true)} <EnumField source="outcome" enumName="outcome" /> ¥{r.transport_yen}
                    </>
                  }
                />
              </ListItem>
            </RecordContextProvider>
          ))}
        </List>
      )}
    </Card>
  );
};

/** Dashboard card: volunteers' reports waiting for a coordinator to file them. */
export const SelfReportsWidget = () => (
  <CanAccess resource="self-reports" action="list">
    <Pending />
  </CanAccess>
);
