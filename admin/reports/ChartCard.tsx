import { Card, CardContent, Typography } from '@mui/material';
import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled card around one chart, with the chart's own texts in the console's language. */
export const ChartCard = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h3">
          {title}
        </Typography>
        <ChartsLocalizationProvider localeText={{ noData: translate('reports.no_data'), loading: translate('ra.page.loading') }}>
          {children}
        </ChartsLocalizationProvider>
      </CardContent>
    </Card>
  );
};
