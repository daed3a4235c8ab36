import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { CanAccess, Link, useTranslate } from 'react-admin';
import { useDashboard } from '../dashboard/useDashboard';

const Count = ({ status }: { status: 'failed' | 'held' }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useDashboard();
  const total = data?.outbox?.[status];
  const to = `/messages?filter=${encodeURIComponent(JSON.stringify({ status }))}`;
  return (
    <Card variant="outlined" sx={{ minWidth: 200 }} data-testid={`outbox-${status}`}>
      <CardActionArea component={Link} to={to}>
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            {translate(`outbox.widget_${status}`)}
          </Typography>
          <Typography variant="h4" component="p" color={status === 'failed' && total ? 'error' : undefined}>
            {isPending ? '…' : error ? '—' : (total ?? 0)}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** Dashboard cards: messages that failed after their retries, and those held for sending by hand. */
export const OutboxWidget = () => (
  <CanAccess resource="messages" action="list">
    <Count status="failed" />
    <Count status="held" />
  </CanAccess>
);
