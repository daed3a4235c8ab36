import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useConsoleLocale } from '../fields/iso';
import { changeOf, formatValue, type Measure } from './format';
import type { Pair } from './useReport';

export type Row = { key: string; label: string } & Pair;

/** Rows of one section: this period, the previous one and the change, as the CSV has them. */
export const ComparisonTable = ({ title, rows, measure = 'count' }: { title: string; rows: Row[]; measure?: Measure }) => {
  const translate = useTranslate();
  const locale = useConsoleLocale();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h3" gutterBottom>
          {title}
        </Typography>
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('reports.item')}</TableCell>
              <TableCell align="right">{translate('reports.this_period')}</TableCell>
              <TableCell align="right">{translate('reports.previous_period')}</TableCell>
              <TableCell align="right">{translate('reports.change')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key}>
                <TableCell component="th" scope="row">
                  {row.label}
                </TableCell>
                <TableCell align="right">{formatValue(row.value, measure, locale)}</TableCell>
                <TableCell align="right">{formatValue(row.previous, measure, locale)}</TableCell>
                <TableCell align="right">{changeOf(row.value, row.previous, measure, locale)?.text ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
