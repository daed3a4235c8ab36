import { DateTimeInput, type DateTimeInputProps } from 'react-admin';
import { toTokyoIso } from '../../server/domain/time';

// The browser's <input type="datetime-local"> knows no zone; the console reads and writes its
// wall-clock value as Tokyo time so a laptop set to another zone still records the right instant.
const toWallClock = (value: unknown): string => {
  if (value == null || value === '') return '';
  const date = new Date(value as string);
  return Number.isNaN(date.getTime()) ? '' : toTokyoIso(date).slice(0, 16);
};

const fromWallClock = (value: string | null | undefined): string | null => (value ? `${value.slice(0, 16)}:00+09:00` : null);

export const TokyoDateTimeInput = (props: Omit<DateTimeInputProps, 'format' | 'parse'>) => (
  <DateTimeInput {...props} format={toWallClock} parse={fromWallClock} />
);
