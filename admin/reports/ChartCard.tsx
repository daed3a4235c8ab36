import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled card around one chart. */
export const ChartCard = ({ title, children }: { title: string; children: ReactNode }) => {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h3">
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};
