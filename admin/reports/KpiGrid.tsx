import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useConsoleLocale } from '../fields/iso';
import { KpiCard } from './KpiCard';
import { figureLabel } from './labels';
import type { Pair, ReportJson } from './useReport';

const MISSING: Pair = { value: null, previous: null };

/** The figures the secretariat looks at first, each beside the previous period's. */
export const KpiGrid = ({ report }: { report: ReportJson }) => {
  const translate = useTranslate();
  const locale = useConsoleLocale();
  const count = (name: string): Pair => report.counts[name] ?? MISSING;
  const rate = (name: string): Pair => report.rates[name] ?? MISSING;
  const figure = (name: string) => figureLabel(name, locale);
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))' }}>
      <KpiCard title={figure('received')} main={{ pair: count('received'), measure: 'count' }} />
      <KpiCard
        title={figure('matched')}
        main={{ pair: count('matched'), measure: 'count' }}
        details={[{ label: figure('match_rate'), pair: rate('match_rate'), measure: 'rate' }]}
      />
      <KpiCard
        title={figure('completed')}
        main={{ pair: count('completed'), measure: 'count' }}
        details={[{ label: figure('completion_rate'), pair: rate('completion_rate'), measure: 'rate' }]}
      />
      <KpiCard
        title={translate('reports.kpi.days')}
        main={{ label: translate('reports.kpi.median'), pair: report.days_to_confirmation.median, measure: 'days' }}
        details={[{ label: translate('reports.kpi.p90'), pair: report.days_to_confirmation.p90, measure: 'days' }]}
      />
      <KpiCard title={figure('volunteer_hours')} main={{ pair: report.volunteer_hours, measure: 'hours' }} />
      <KpiCard
        title={figure('residents')}
        main={{ pair: count('residents'), measure: 'count' }}
        details={[
          { label: figure('new_residents'), pair: count('new_residents'), measure: 'count' },
          { label: figure('returning_residents'), pair: count('returning_residents'), measure: 'count' },
        ]}
      />
      <KpiCard title={figure('volunteers_active')} main={{ pair: count('volunteers_active'), measure: 'count' }} />
      <KpiCard
        title={translate('reports.kpi.outstanding')}
        main={{ pair: report.amounts.total_outstanding_yen ?? MISSING, measure: 'yen' }}
      />
    </Box>
  );
};
