import { Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Button, CanAccess, Link, RecordContextProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useDashboard } from '../dashboard/useDashboard';
import { EnumField } from '../fields/EnumField';
import { formatTokyo } from '../format';
import { apiErrorMessage, postJson } from '../providers/api';

const Pending = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  // The five oldest drafts, each with its request's number, and how many: GET /api/dashboard.
  const { data: dashboard, isPending, error } = useDashboard();
  const data = dashboard?.self_reports?.items;
  const total = dashboard?.self_reports?.count;
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
            <RecordContextProvider key={String(r.id)} value={r}>
              <ListItem secondaryAction={<Button label="outbox.file" size="small" onClick={() => file(Number(r.id))} />}>
                <ListItemText
                  primary={<Link to={`/support-requests/${String(r.request_id)}/show`}>{String(r.request_no ?? '')}</Link>}
                  secondary={
                    <>
                      {formatTokyo(r.actual_start_at as string, true)} <EnumField source="outcome" enumName="outcome" /> ¥
                      {String(r.transport_yen)}
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
