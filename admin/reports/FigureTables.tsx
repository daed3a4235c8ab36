import { EXPENSE_KINDS } from '../../server/domain/enums';
import { useConsoleLocale } from '../fields/iso';
import { useTranslate } from 'react-admin';
import { ComparisonTable, type Row } from './ComparisonTable';
import { amountLabel, figureLabel, sectionLabel } from './labels';
import type { ReportJson } from './useReport';

// The counts the cards above do not show, each in its own row.
const OTHER_COUNTS = [
  'cancelled',
  'unmatched',
  'rejected',
  'confirmed_in_period',
  'activities',
  'outside_service_rules',
  'new_volunteers',
  'id_checks_done',
  'id_checks_due',
  'follow_ups_opened',
  'follow_ups_handled',
  'feedback_responses',
];
const KINDS = [...EXPENSE_KINDS, 'total'] as const;
const STATES = ['owed', 'settled', 'outstanding'] as const;

export const OtherCountsTable = ({ report }: { report: ReportJson }) => {
  const translate = useTranslate();
  const locale = useConsoleLocale();
  const rows: Row[] = OTHER_COUNTS.filter((name) => report.counts[name]).map((name) => ({
    key: name,
    label: figureLabel(name, locale),
    ...report.counts[name]!,
  }));
  if (report.feedback_average)
    rows.push({ key: 'feedback_average', label: figureLabel('feedback_average', locale), ...report.feedback_average });
  return <ComparisonTable title={translate('reports.other_counts')} rows={rows} />;
};

export const AmountsTable = ({ report }: { report: ReportJson }) => {
  const locale = useConsoleLocale();
  const rows: Row[] = KINDS.flatMap((kind) =>
    STATES.map((state) => {
      const key = `${kind}_${state}_yen`;
      return {
        key,
        label: `${amountLabel(kind, locale)} ${amountLabel(state, locale)}`,
        ...(report.amounts[key] ?? { value: null, previous: null }),
      };
    }),
  );
  return <ComparisonTable title={sectionLabel('amounts', locale)} rows={rows} measure="yen" />;
};
