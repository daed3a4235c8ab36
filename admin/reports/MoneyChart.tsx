import { BarChart } from '@mui/x-charts/BarChart';
import { EXPENSE_KINDS } from '../../server/domain/enums';
import { useConsoleLocale } from '../fields/iso';
import { ChartCard } from './ChartCard';
import { formatValue, plotted } from './format';
import { amountLabel, sectionLabel } from './labels';
import type { ReportJson } from './useReport';

const STATES = ['owed', 'settled', 'outstanding'] as const;

/** Yen owed, settled and outstanding in the period, per kind of expense. */
export const MoneyChart = ({ report }: { report: ReportJson }) => {
  const locale = useConsoleLocale();
  const yen = (v: number | null) => formatValue(v, 'yen', locale);
  return (
    <ChartCard title={sectionLabel('amounts', locale)}>
      <BarChart
        height={300}
        xAxis={[{ scaleType: 'band', data: EXPENSE_KINDS.map((kind) => amountLabel(kind, locale)) }]}
        yAxis={[{ valueFormatter: yen, width: 'auto' }]}
        series={STATES.map((state) => ({
          label: amountLabel(state, locale),
          data: EXPENSE_KINDS.map((kind) => plotted(report.amounts[`${kind}_${state}_yen`]?.value ?? null)),
          valueFormatter: yen,
        }))}
        grid={{ horizontal: true }}
      />
    </ChartCard>
  );
};
