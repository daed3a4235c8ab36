import { Box, Card, CardContent, Typography } from '@mui/material';
import { useId } from 'react';
import { useTranslate } from 'react-admin';
import { useConsoleLocale } from '../fields/iso';
import { changeOf, formatValue, type Measure } from './format';
import type { Pair } from './useReport';

export type Metric = { label?: string; pair: Pair; measure: Measure };

/** A number with its unit ('1.5日', '12.0時間'); counts, rates and yen carry their own. */
const useShow = () => {
  const translate = useTranslate();
  const locale = useConsoleLocale();
  return (value: Pair['value'], measure: Measure) => {
    const text = formatValue(value, measure, locale);
    return typeof value === 'number' && (measure === 'days' || measure === 'hours')
      ? translate(`reports.units.${measure}`, { value: text })
      : text;
  };
};

const Comparison = ({ metric }: { metric: Metric }) => {
  const translate = useTranslate();
  const locale = useConsoleLocale();
  const show = useShow();
  const change = changeOf(metric.pair.value, metric.pair.previous, metric.measure, locale);
  return (
    <Typography variant="body2" color="text.secondary" component="p">
      {translate('reports.previous_value', { value: show(metric.pair.previous, metric.measure) })}
      {change && (
        <Box
          component="span"
          sx={{ ml: 1, fontWeight: 500, color: change.direction === 'same' ? 'text.secondary' : 'text.primary' }}
          data-testid="kpi-change"
        >
          {change.text}
        </Box>
      )}
    </Typography>
  );
};

/** One figure of the period, large, with the previous period's value and the change; details below. */
export const KpiCard = ({ title, main, details = [] }: { title: string; main: Metric; details?: Metric[] }) => {
  const show = useShow();
  const titleId = useId();
  return (
    <Card variant="outlined" role="group" aria-labelledby={titleId}>
      <CardContent>
        <Typography id={titleId} variant="body2" color="text.secondary" component="h3">
          {title}
          {main.label && ` (${main.label})`}
        </Typography>
        <Typography variant="h4" component="p" data-testid="kpi-value">
          {show(main.pair.value, main.measure)}
        </Typography>
        <Comparison metric={main} />
        {details.map((detail) => (
          <Box key={detail.label} sx={{ mt: 1 }}>
            <Typography variant="body2" component="p">
              {detail.label}: <strong>{show(detail.pair.value, detail.measure)}</strong>
            </Typography>
            <Comparison metric={detail} />
          </Box>
        ))}
      </CardContent>
    </Card>
  );
};
