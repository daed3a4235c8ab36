import { useTheme } from '@mui/material';
import { EXPENSE_KINDS } from '../../server/domain/enums';
import { useConsoleLocale } from '../fields/iso';
import { Bars } from './Bars';
import { ChartCard } from './ChartCard';
import { formatValue, plotted } from './format';
import { amountLabel, sectionLabel } from './labels';
import type { ReportJson } from './useReport';

const STATES = ['owed', 'settled', 'outstanding'] as const;

/** Yen owed, settled and outstanding in the period, per kind of expense. */
export const MoneyChart = ({ report }: { report: ReportJson }) => {
  const locale = useConsoleLocale();
  const theme = useTheme();
  const yen = (v: number | null) => formatValue(v, 'yen', locale);
  const colors = { owed: theme.palette.primary.main, settled: theme.palette.success.main, outstanding: theme.palette.warning.main };
  return (
    <ChartCard title={sectionLabel('amounts', locale)}>
      <Bars
        layout="vertical"
        categories={EXPENSE_KINDS.map((kind) => amountLabel(kind, locale))}
        format={yen}
        series={STATES.map((state) => ({
          label: amountLabel(state, locale),
          data: EXPENSE_KINDS.map((kind) => plotted(report.amounts[`${kind}_${state}_yen`]?.value ?? null)),
          color: colors[state],
        }))}
      />
    </ChartCard>
  );
};
