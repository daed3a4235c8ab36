import { Box, Card, CardActions, CardContent, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useConsoleLocale } from '../fields/iso';
import { formatMonth, formatValue, type Measure } from './format';
import { figureLabel } from './labels';
import { tokyoMonth } from './period';
import { useDashboard } from '../dashboard/useDashboard';
import type { Value } from './useReport';

const Stat = ({ label, value, measure }: { label: string; value: Value | undefined; measure: Measure }) => {
  const locale = useConsoleLocale();
  return (
    <Box sx={{ minWidth: 140 }} role="group" aria-label={label}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="p">
        {value === undefined ? '…' : formatValue(value, measure, locale)}
      </Typography>
    </Box>
  );
};

/** The dashboard's strip for the current month so far: requests received, matched, yen outstanding. */
export const MonthKpis = () => {
  const translate = useTranslate();
  const locale = useConsoleLocale();
  // The three figures of this month's internal report, sent with the rest of GET /api/dashboard.
  const { data: dashboard, error } = useDashboard();
  const data = dashboard?.month;
  const month = data?.month ?? tokyoMonth();
  return (
    <Card variant="outlined" sx={{ maxWidth: 720 }}>
      <CardContent sx={{ pb: 0 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('reports.month_so_far', { month: formatMonth(month, locale) })}
        </Typography>
        {error ? (
          <Typography color="text.secondary">{translate('dashboard.unavailable')}</Typography>
        ) : (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
            <Stat label={figureLabel('received', locale)} value={data?.received as Value | undefined} measure="count" />
            <Stat label={figureLabel('matched', locale)} value={data?.matched as Value | undefined} measure="count" />
            <Stat label={translate('reports.kpi.outstanding')} value={data?.outstanding_yen as Value | undefined} measure="yen" />
          </Box>
        )}
      </CardContent>
      <CardActions>
        <Link to={`/reports?${new URLSearchParams({ month })}`}>{translate('reports.open_reports')}</Link>
      </CardActions>
    </Card>
  );
};
