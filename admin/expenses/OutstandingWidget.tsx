import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { CanAccess, Link, useLocaleState, useTranslate } from 'react-admin';
import { useDashboard } from '../dashboard/useDashboard';
import { formatTokyo } from '../format';
import { yen } from './api';

const FILTER = { outstanding: true };
const TO_LIST = `/expenses?filter=${encodeURIComponent(JSON.stringify(FILTER))}`;

const Outstanding = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // Count, sum and oldest of every outstanding expense, summed by the server (GET /api/dashboard).
  const { data, isPending, error } = useDashboard();
  const sum = data?.outstanding?.total_yen ?? 0;
  const total = data?.outstanding?.count;
  const oldest = data?.outstanding?.oldest_at ?? undefined;
  return (
    <Card variant="outlined" sx={{ minWidth: 220 }} data-testid="outstanding-widget">
      <CardActionArea component={Link} to={TO_LIST}>
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            {translate('casework.widgets.outstanding_title')}
          </Typography>
          <Typography variant="h4" component="p">
            {isPending ? '…' : error ? '—' : yen(sum, locale)}
          </Typography>
          {!isPending && !error && (
            <Typography variant="body2" color="text.secondary">
              {translate('casework.widgets.outstanding_count', { smart_count: total ?? 0 })}
              {oldest && ` · ${translate('casework.widgets.oldest', { date: formatTokyo(oldest, false) })}`}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** Dashboard card: money residents still owe volunteers, with a link to settle it. */
export const OutstandingWidget = () => (
  <CanAccess resource="expenses" action="list">
    <Outstanding />
  </CanAccess>
);

export default OutstandingWidget;
