import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link, useGetList, useTranslate } from 'react-admin';

type Props = { resource: string; filter: Record<string, unknown>; label: string; sort?: string };

/** How many records a filter finds, as a card that opens the list with that filter. */
export const CountCard = ({ resource, filter, label, sort = 'id' }: Props) => {
  const translate = useTranslate();
  // One row is enough: the number wanted is the Content-Range total.
  const { total, isPending, error } = useGetList(resource, {
    filter,
    pagination: { page: 1, perPage: 1 },
    sort: { field: sort, order: 'DESC' },
  });
  const shown = isPending ? '…' : error || total == null ? translate('dashboard.unavailable') : total;
  return (
    <Card variant="outlined" sx={{ minWidth: 160, flex: '0 1 200px' }}>
      <CardActionArea component={Link} to={`/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`} sx={{ height: '100%' }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            {translate(label)}
          </Typography>
          <Typography variant="h4" component="p" color={total ? 'text.primary' : 'text.secondary'}>
            {shown}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
