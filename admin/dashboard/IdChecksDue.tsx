import { Card, CardActions, CardContent, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link, RecordContextProvider, useTranslate } from 'react-admin';
import { ID_CHECK_WARNING_DAYS } from '../../server/domain/id-checks';
import { IdCheckExpiryField } from '../fields/IdCheckExpiryField';
import { useDashboard } from './useDashboard';

const WITHIN_DAYS = ID_CHECK_WARNING_DAYS;
const FILTER = { id_check_expires_within_days: WITHIN_DAYS };
const LIST_URL = `/volunteers?${new URLSearchParams({
  filter: JSON.stringify(FILTER),
  sort: 'id_check_valid_until',
  order: 'ASC',
})}`;

/** Volunteers whose ID check runs out within the warning window (60 days), soonest first, so they can be re-checked in time. */
export const IdChecksDue = () => {
  const translate = useTranslate();
  // The first 8, soonest first, and how many there are: part of GET /api/dashboard.
  const { data: dashboard, isPending, error } = useDashboard();
  const data = dashboard?.id_checks_due?.items;
  const total = dashboard?.id_checks_due?.count;
  return (
    <Card variant="outlined" sx={{ maxWidth: 520 }}>
      <CardContent sx={{ pb: 0 }}>
        <Typography variant="h6" component="h2">
          {translate('dashboard.id_checks_due', { days: WITHIN_DAYS })}
          {total != null && ` (${total})`}
        </Typography>
        {isPending ? (
          <Typography color="text.secondary">…</Typography>
        ) : error ? (
          <Typography color="text.secondary">{translate('dashboard.unavailable')}</Typography>
        ) : data?.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 1 }}>
            {translate('dashboard.id_checks_due_none', { days: WITHIN_DAYS })}
          </Typography>
        ) : (
          <List dense>
            {data?.map((volunteer) => (
              <RecordContextProvider key={String(volunteer.id)} value={volunteer}>
                <ListItem disablePadding>
                  <ListItemButton component={Link} to={`/volunteers/${String(volunteer.id)}/show`}>
                    <ListItemText
                      primary={`${volunteer.volunteer_no} ${volunteer.name}`}
                      secondary={volunteer.phone as string | undefined}
                    />
                    <IdCheckExpiryField source="id_check_valid_until" />
                  </ListItemButton>
                </ListItem>
              </RecordContextProvider>
            ))}
          </List>
        )}
      </CardContent>
      <CardActions>
        <Link to={LIST_URL}>{translate('dashboard.show_all')}</Link>
      </CardActions>
    </Card>
  );
};
