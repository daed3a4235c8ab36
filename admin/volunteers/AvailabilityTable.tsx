import { Table, TableBody, TableCell, TableHead, TableRow, Typography, type SxProps } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { toMinutes, type AvailabilityWindow } from '../../server/domain/availability';
import { WEEKDAYS } from './availabilityTimes';

/** The weekly slots as a week: one column per service day, slots in time order. */
export const AvailabilityTable = ({ source }: FieldProps & { source: string; sx?: SxProps }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const windows = (Array.isArray(record?.[source]) ? record[source] : []) as AvailabilityWindow[];
  if (windows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('availability.none')}
      </Typography>
    );
  }
  return (
    <Table size="small" sx={{ maxWidth: 720, tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          {WEEKDAYS.map((d) => (
            <TableCell key={d} align="center">
              {translate(`availability.weekdays.${d}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        <TableRow>
          {WEEKDAYS.map((d) => {
            const slots = windows.filter((w) => w.weekday === d).sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
            return (
              <TableCell key={d} align="center" sx={{ verticalAlign: 'top' }}>
                {slots.length === 0 ? '—' : slots.map((w) => <div key={`${w.start}-${w.end}`}>{`${w.start}〜${w.end}`}</div>)}
              </TableCell>
            );
          })}
        </TableRow>
      </TableBody>
    </Table>
  );
};
