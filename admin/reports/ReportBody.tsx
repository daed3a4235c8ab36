import { Alert, Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { HIDDEN_NOTE } from '../../server/reports/labels';
import { useConsoleLocale } from '../fields/iso';
import { formatTokyo } from '../format';
import { BreakdownChart } from './BreakdownChart';
import { BreakdownTable } from './BreakdownTable';
import { AmountsTable, OtherCountsTable } from './FigureTables';
import { KpiGrid } from './KpiGrid';
import { DIMENSIONS, type Dimension } from './labels';
import { MoneyChart } from './MoneyChart';
import { lastDayBefore, type Audience } from './period';
import type { ReportJson } from './useReport';

const CHARTED: Dimension[] = ['category', 'channel', 'language', 'nationality'];
const GRID = { display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))', alignItems: 'start' } as const;

const Heading = ({ children }: { children: string }) => (
  <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 1 }}>
    {children}
  </Typography>
);

/** Everything one report shows: its period, the key figures, charts and a table per breakdown. */
export const ReportBody = ({ report, audience }: { report: ReportJson; audience: Audience }) => {
  const translate = useTranslate();
  const locale = useConsoleLocale();
  const day = (date: string) => formatTokyo(date, false);
  const nothingReceived = report.counts.received?.value === 0;
  return (
    <>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('reports.period_range', {
          start: day(report.period.start_date),
          end: day(lastDayBefore(report.period.end_date)),
          previous_start: day(report.previous_period.start_date),
          previous_end: day(lastDayBefore(report.previous_period.end_date)),
        })}
      </Typography>
      {audience === 'external' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {HIDDEN_NOTE[locale]} {translate('reports.hidden_in_chart')}
        </Alert>
      )}
      <KpiGrid report={report} />
      {nothingReceived ? (
        <Alert severity="info" variant="outlined" sx={{ mt: 3 }}>
          {translate('reports.empty')}
        </Alert>
      ) : (
        <>
          <Heading>{translate('reports.charts')}</Heading>
          <Box sx={GRID}>
            {CHARTED.map((dimension) => (
              <BreakdownChart key={dimension} report={report} dimension={dimension} />
            ))}
            <MoneyChart report={report} />
          </Box>
          <Heading>{translate('reports.tables')}</Heading>
          <Box sx={GRID}>
            {DIMENSIONS.map((dimension) => (
              <BreakdownTable key={dimension} report={report} dimension={dimension} />
            ))}
          </Box>
        </>
      )}
      <Box sx={{ ...GRID, mt: 2 }}>
        <OtherCountsTable report={report} />
        <AmountsTable report={report} />
      </Box>
    </>
  );
};
