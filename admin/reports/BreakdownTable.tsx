import { useConsoleLocale } from '../fields/iso';
import { ComparisonTable } from './ComparisonTable';
import { sectionLabel, useKeyLabel, type Dimension } from './labels';
import type { ReportJson } from './useReport';

/** One breakdown of the requests received, every key named in the console's language. */
export const BreakdownTable = ({ report, dimension }: { report: ReportJson; dimension: Dimension }) => {
  const locale = useConsoleLocale();
  const cells = report.breakdowns[dimension] ?? [];
  const label = useKeyLabel(
    dimension,
    cells.map((c) => c.key),
  );
  const rows = cells.map((c) => ({ ...c, label: label(c.key) }));
  return <ComparisonTable title={sectionLabel(dimension, locale)} rows={rows} />;
};
