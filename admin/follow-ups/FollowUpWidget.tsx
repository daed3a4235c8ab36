import { Card, CardActionArea, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { CanAccess, Link, RecordContextProvider, useTranslate } from 'react-admin';
import { useDashboard } from '../dashboard/useDashboard';
import { formatTokyo } from '../format';

const OpenFollowUps = () => {
  const translate = useTranslate();
  // The five oldest open follow-ups, each with its request's number, and how many: GET /api/dashboard.
  const { data: dashboard, isPending, error } = useDashboard();
  const data = dashboard?.follow_ups?.items;
  const total = dashboard?.follow_ups?.count;
  return (
    <Card variant="outlined" sx={{ minWidth: 260 }} data-testid="follow-up-widget">
      <CardActionArea component={Link} to="/follow-ups">
        <CardContent sx={{ pb: 0 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('casework.widgets.follow_ups_title')}
          </Typography>
          <Typography variant="h4" component="p">
            {isPending ? '…' : error ? '—' : (total ?? 0)}
          </Typography>
        </CardContent>
      </CardActionArea>
      {data && data.length > 0 && (
        <List dense>
          {data.map((report) => (
            <RecordContextProvider key={String(report.id)} value={report}>
              <ListItem>
                <ListItemText
                  primary={<Link to={`/support-requests/${String(report.request_id)}/show`}>{String(report.request_no ?? '')}</Link>}
                  secondary={`${formatTokyo(report.created_at as string, false)} ${(report.follow_up_note as string | undefined) ?? ''}`}
                  slotProps={{ secondary: { noWrap: true, sx: { maxWidth: 320 } } }}
                />
              </ListItem>
            </RecordContextProvider>
          ))}
        </List>
      )}
    </Card>
  );
};

/** Dashboard card: follow-ups waiting for someone, the oldest first. */
export const FollowUpWidget = () => (
  <CanAccess resource="activity-reports" action="list">
    <OpenFollowUps />
  </CanAccess>
);

export default FollowUpWidget;
