import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { TimePicker } from '@mui/x-date-pickers/TimePicker';
import type { SxProps, Theme } from '@mui/material';
import { format, isValid } from 'date-fns';
import { type ReactNode, useEffect, useState } from 'react';
import { type CommonInputProps, FieldTitle, InputHelperText, type Validator, useInput, useLocaleState } from 'react-admin';
import { CALENDAR_HEADINGS, DATE_FNS_LOCALES, pickersLanguage } from './PickersProvider';
import { toTokyoIso } from '../../server/domain/time';

/**
 * The console's date, date-time, time and month inputs: MUI X pickers (24-hour clock, weeks
 * from Monday, year first in both languages; see PickersProvider) over the same values the API
 * takes: 'YYYY-MM-DD', Tokyo date-times ('2026-12-01T10:00:00+09:00'), 'HH:MM' and 'YYYY-MM'.
 *
 * The pickers work on the browser's Date. A Date here only carries a Tokyo wall-clock reading
 * (its local year … minute): a laptop set to another zone still shows and records Tokyo time.
 */
type Kind = 'date' | 'datetime' | 'time' | 'month';

/** Written to the form while a typed value is unfinished (2026/12/__): refused by validation. */
export const INCOMPLETE = '@@incomplete-date@@';

const pad = (n: number) => String(n).padStart(2, '0');

const fromValue: Record<Kind, (value: string) => Date | null> = {
  date: (value) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  },
  datetime: (value) => {
    const instant = new Date(value);
    if (Number.isNaN(instant.getTime())) return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(toTokyoIso(instant));
    return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) : null;
  },
  time: (value) => {
    const m = /^(\d{2}):(\d{2})/.exec(value);
    return m ? new Date(2000, 0, 1, Number(m[1]), Number(m[2])) : null;
  },
  month: (value) => {
    const m = /^(\d{4})-(\d{2})/.exec(value);
    return m ? new Date(Number(m[1]), Number(m[2]) - 1, 1) : null;
  },
};

const toValue: Record<Kind, (date: Date) => string> = {
  date: (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
  datetime: (d) => `${toValue.date(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:00+09:00`,
  time: (d) => `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  month: (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`,
};

/** What the field shows: the same in Japanese and English, never month/day order. */
export const PICKER_FORMATS: Record<Kind, string> = {
  date: 'yyyy/MM/dd',
  datetime: 'yyyy/MM/dd HH:mm',
  time: 'HH:mm',
  month: 'yyyy/MM',
};

export const toPickerDate = (kind: Kind, value: unknown): Date | null =>
  typeof value === 'string' && value !== '' && value !== INCOMPLETE ? fromValue[kind](value) : null;

/** null when cleared, INCOMPLETE while unfinished, else the API's string. */
export const fromPickerDate = (kind: Kind, date: Date | null): string | null => {
  if (date == null) return null;
  return isValid(date) && date.getFullYear() >= 1000 ? toValue[kind](date) : INCOMPLETE;
};

// Whether the field already shows the value (a stored date-time may carry seconds or another offset).
const sameValue = (kind: Kind, date: Date | null, value: unknown) =>
  value === INCOMPLETE || fromPickerDate(kind, date) === fromPickerDate(kind, toPickerDate(kind, value));

type PickerProps = {
  kind: Kind;
  label?: ReactNode;
  value: Date | null;
  onChange: (date: Date | null) => void;
  onBlur?: () => void;
  error?: boolean;
  helperText?: ReactNode;
  required?: boolean;
  /** The field's × button; off for a required value. */
  clearable?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  fullWidth?: boolean;
  name?: string;
  id?: string;
  inputRef?: React.Ref<HTMLInputElement>;
  className?: string;
  sx?: SxProps<Theme>;
  size?: 'small' | 'medium';
  margin?: 'none' | 'dense' | 'normal';
  variant?: 'standard' | 'outlined' | 'filled';
};

// react-admin's look (filled, dense, small) unless told otherwise; MUI X's field is its own component.
const Picker = ({
  kind,
  value,
  onChange,
  label,
  error,
  helperText,
  required,
  clearable,
  fullWidth,
  onBlur,
  name,
  id,
  inputRef,
  ...rest
}: PickerProps) => {
  const { className, sx, size = 'small', margin = 'dense', variant = 'filled', disabled, readOnly } = rest;
  const [locale] = useLocaleState();
  const lang = pickersLanguage(locale);
  const dateFnsLocale = DATE_FNS_LOCALES[lang];
  const common = {
    value,
    onChange: (date: Date | null) => onChange(date),
    label,
    disabled,
    readOnly,
    format: PICKER_FORMATS[kind],
    className,
    sx,
    // 月 火 … in Japanese, Mo Tu … in English (one letter would make T, T and S, S).
    dayOfWeekFormatter: (day: Date) => format(day, 'EEEEEE', { locale: dateFnsLocale }),
    slotProps: {
      textField: { error, helperText, required, fullWidth, onBlur, name, id, inputRef, size, margin, variant },
      field: { clearable: (clearable ?? !required) && !readOnly },
    },
  };
  if (kind === 'time') return <TimePicker {...common} ampm={false} />;
  const calendar = { ...common, slotProps: { ...common.slotProps, calendarHeader: { format: CALENDAR_HEADINGS[lang] } } };
  if (kind === 'datetime') return <DateTimePicker {...calendar} ampm={false} />;
  if (kind === 'month') return <DatePicker {...calendar} views={['year', 'month']} openTo="month" />;
  return <DatePicker {...calendar} />;
};

/**
 * A picker over a string value outside react-admin's forms (a dialog, a composed input). It
 * calls onChange with the API's string, null when cleared, or INCOMPLETE while unfinished.
 */
export const StringPicker = ({
  value,
  onChange,
  ...props
}: Omit<PickerProps, 'value' | 'onChange'> & { value: string | null; onChange: (value: string | null) => void }) => {
  const [date, setDate] = useState<Date | null>(() => toPickerDate(props.kind, value));
  // A value set from outside (a reset, a suggestion) shows in the field; what is being typed stays.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only outside changes of the value matter.
  useEffect(() => {
    if (!sameValue(props.kind, date, value)) setDate(toPickerDate(props.kind, value));
  }, [value, props.kind]);
  return (
    <Picker
      {...props}
      value={date}
      onChange={(next) => {
        setDate(next);
        onChange(fromPickerDate(props.kind, next));
      }}
    />
  );
};

const keep = <T,>(value: T) => value;
const finished: Validator = (value) => (value === INCOMPLETE ? 'app.incomplete_date' : undefined);

export type PickerInputProps = Omit<CommonInputProps, 'format' | 'parse'> & {
  className?: string;
  sx?: SxProps<Theme>;
  size?: 'small' | 'medium';
  /** Filters: an unfinished value keeps the previous filter instead of being refused. */
  keepUntilComplete?: boolean;
};

const PickerInput = ({ kind, ...props }: PickerInputProps & { kind: Kind }) => {
  const {
    label,
    helperText,
    source,
    resource,
    validate,
    keepUntilComplete,
    className,
    sx,
    size,
    margin,
    variant,
    disabled,
    readOnly,
    fullWidth = true,
    defaultValue,
  } = props;
  const validators = [...(Array.isArray(validate) ? validate : validate ? [validate] : []), finished];
  const {
    field,
    fieldState: { error, invalid },
    id,
    isRequired,
  } = useInput({ source, resource, defaultValue, validate: validators, parse: keep, format: keep, disabled, readOnly });
  return (
    <StringPicker
      kind={kind}
      value={field.value ?? null}
      onChange={(next) => {
        if (next === INCOMPLETE && keepUntilComplete) return;
        field.onChange(next);
      }}
      onBlur={field.onBlur}
      clearable={!isRequired}
      name={field.name}
      id={id}
      inputRef={field.ref}
      label={
        label !== '' && label !== false ? <FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} /> : null
      }
      error={invalid}
      helperText={helperText !== false || invalid ? <InputHelperText error={error?.message} helperText={helperText} /> : null}
      className={['ra-input', `ra-input-${source}`, className].filter(Boolean).join(' ')}
      {...{ sx, size, margin, variant, disabled, readOnly, fullWidth }}
    />
  );
};

/** 'YYYY-MM-DD', shown 2026/12/01. */
export const DateInput = (props: PickerInputProps) => <PickerInput kind="date" {...props} />;
/** A Tokyo date-time ('2026-12-01T10:00:00+09:00'), shown 2026/12/01 10:00 whatever the laptop's zone. */
export const DateTimeInput = (props: PickerInputProps) => <PickerInput kind="datetime" {...props} />;
/** 'HH:MM', 24-hour. */
export const TimeInput = (props: PickerInputProps) => <PickerInput kind="time" {...props} />;
/** 'YYYY-MM', shown 2026/12. */
export const MonthInput = (props: PickerInputProps) => <PickerInput kind="month" {...props} />;
