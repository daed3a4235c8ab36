import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import type { RequestStatus } from '../../server/domain/enums';
import { shownCount, useDashboard } from './useDashboard';

/** How many requests wait in one status (the database's counters); a failed answer shows a dash, not an error page. */
export const RequestStatusCount = ({ status }: { status: RequestStatus }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useDashboard();
  const shown = shownCount(data?.requests_by_status?.[status], isPending, error, translate('dashboard.unavailable'));
  return (
    <Card variant="outlined" sx={{ minWidth: 160 }}>
      <CardActionArea component={Link} to={`/support-requests?filter=${encodeURIComponent(JSON.stringify({ status }))}`}>
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            {translate(`enums.request_status.${status}`)}
          </Typography>
          <Typography variant="h4" component="p">
            {shown}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
