import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { CanAccess, Link, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatTokyo } from '../format';
import { yen } from './api';

const FILTER = { outstanding: true };
// Enough for any realistic backlog; past it the total shows as "at least".
const PAGE = { page: 1, perPage: 500 };
const TO_LIST = `/expenses?filter=${encodeURIComponent(JSON.stringify(FILTER))}`;

const Outstanding = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, total, isPending, error } = useGetList('expenses', {
    filter: FILTER,
    pagination: PAGE,
    sort: { field: 'created_at', order: 'ASC' },
  });
  const sum = (data ?? []).reduce((acc, e) => acc + Number(e.amount_yen), 0);
  const oldest = data?.[0]?.created_at as string | undefined;
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
