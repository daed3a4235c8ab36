import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { shownCount, useDashboard } from '../dashboard/useDashboard';

type Props = { resource: string; card: { count: number; filter: Record<string, unknown> } | undefined; label: string };

/** How many records a filter finds (counted by GET /api/dashboard), as a card that opens the list with that filter. */
export const CountCard = ({ resource, card, label }: Props) => {
  const translate = useTranslate();
  const { isPending, error } = useDashboard();
  const shown = shownCount(card?.count, isPending, error, translate('dashboard.unavailable'));
  const to = card ? `/${resource}?filter=${encodeURIComponent(JSON.stringify(card.filter))}` : `/${resource}`;
  return (
    <Card variant="outlined" sx={{ minWidth: 160, flex: '0 1 200px' }}>
      <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            {translate(label)}
          </Typography>
          <Typography variant="h4" component="p" color={card?.count ? 'text.primary' : 'text.secondary'}>
            {shown}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
