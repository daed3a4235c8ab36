import { Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useConsoleLocale } from '../fields/iso';
import { Bars } from './Bars';
import { ChartCard } from './ChartCard';
import { formatValue, plotted } from './format';
import { sectionLabel, useKeyLabel, type Dimension } from './labels';
import type { ReportJson } from './useReport';

// Beyond a dozen bars a chart stops being readable; the table below lists every key.
const MOST = 12;

/** Requests of one breakdown, this period beside the previous one, as horizontal bars. */
export const BreakdownChart = ({ report, dimension }: { report: ReportJson; dimension: Dimension }) => {
  const translate = useTranslate();
  const locale = useConsoleLocale();
  const theme = useTheme();
  const cells = (report.breakdowns[dimension] ?? []).slice(0, MOST);
  const label = useKeyLabel(
    dimension,
    cells.map((c) => c.key),
  );
  const count = (v: number | null) => formatValue(v, 'count', locale);
  const bars = cells.some((c) => (plotted(c.value) ?? 0) > 0 || (plotted(c.previous) ?? 0) > 0);
  const hidden = cells.some((c) => typeof c.value === 'string' || typeof c.previous === 'string');
  const title = sectionLabel(dimension, locale);
  if (!bars) {
    return (
      <ChartCard title={title}>
        <Typography color="text.secondary" sx={{ py: 2 }}>
          {translate(hidden ? 'reports.all_hidden' : 'reports.no_data')}
        </Typography>
      </ChartCard>
    );
  }
  return (
    <ChartCard title={title}>
      <Bars
        layout="horizontal"
        categories={cells.map((c) => label(c.key))}
        format={count}
        series={[
          { label: translate('reports.this_period'), data: cells.map((c) => plotted(c.value)), color: theme.palette.primary.main },
          { label: translate('reports.previous_period'), data: cells.map((c) => plotted(c.previous)), color: theme.palette.grey[400] },
        ]}
      />
    </ChartCard>
  );
};
