import { Card, CardActionArea, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { CanAccess, Link, RecordContextProvider, ReferenceField, useGetList, useTranslate } from 'react-admin';
import { formatTokyo } from '../format';

const FILTER = { follow_up_open: true };
const OLDEST = { field: 'created_at', order: 'ASC' } as const;
const SHOWN = 5;

const OpenFollowUps = () => {
  const translate = useTranslate();
  const { data, total, isPending, error } = useGetList('activity-reports', {
    filter: FILTER,
    sort: OLDEST,
    pagination: { page: 1, perPage: SHOWN },
  });
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
            <RecordContextProvider key={report.id} value={report}>
              <ListItem>
                <ListItemText
                  primary={<ReferenceField source="request_id" reference="support-requests" link="show" />}
                  secondary={`${formatTokyo(report.created_at, false)} ${report.follow_up_note ?? ''}`}
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
