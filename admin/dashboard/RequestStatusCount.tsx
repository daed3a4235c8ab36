import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link, useGetList, useTranslate } from 'react-admin';
import type { RequestStatus } from '../../server/domain/enums';

/** How many requests wait in one status; a failed count shows a dash, not an error page. */
export const RequestStatusCount = ({ status }: { status: RequestStatus }) => {
  const translate = useTranslate();
  // One row is enough: the number wanted is the Content-Range total.
  const { total, isPending, error } = useGetList('support-requests', {
    filter: { status },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'id', order: 'DESC' },
  });
  const shown = isPending ? '…' : error || total == null ? translate('dashboard.unavailable') : total;
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
