import { Button, FormHelperText, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useInput, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { apiLocale } from '../providers/i18nProvider';
import { useSettings } from '../providers/useSettings';
import { StringPicker } from '../fields/DateInputs';
import { ServiceHoursHint } from './ServiceHoursHint';
import { composeTimes, endChoices, quarterHours, serviceTimeProblem, splitTimes, type TimeParts } from './serviceTime';

const keep = <T,>(value: T) => value;

/**
 * The planned time of an activity as a coordinator says it on the phone: a day, a start and an
 * end in quarter hours inside the service hours. It writes start_at / end_at (ISO, +09:00) and
 * refuses, before sending, what the server would refuse.
 */
export const ServiceTimeInput = ({ startSource = 'start_at', endSource = 'end_at' }: { startSource?: string; endSource?: string }) => {
  const translate = useTranslate();
  const record = useRecordContext();
  const { data: settings } = useSettings();
  const [locale] = useLocaleState();
  const lang = apiLocale(locale);
  const { trigger, formState } = useFormContext();
  const original = useMemo(() => ({ start_at: record?.[startSource], end_at: record?.[endSource] }), [record, startSource, endSource]);
  const validate = useMemo(
    () => (value: unknown, all: Record<string, unknown>) => serviceTimeProblem(value, all[endSource], settings, original, lang),
    [settings, original, endSource, lang],
  );
  // Identity parse/format: react-admin would turn the "incomplete" marker into null.
  const start = useInput({ source: startSource, validate, parse: keep, format: keep });
  const end = useInput({ source: endSource, parse: keep, format: keep });
  const [parts, setParts] = useState<TimeParts>(() => splitTimes(start.field.value, end.field.value));

  // A reset or a prefill from outside (another record, a suggestion) shows in the pickers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only outside changes of the two fields matter; the pickers write the fields themselves.
  useEffect(() => {
    const composed = composeTimes(parts);
    if (composed.start_at !== start.field.value || composed.end_at !== end.field.value) {
      if (start.field.value !== '' && end.field.value !== '') setParts(splitTimes(start.field.value, end.field.value));
    }
    // Only outside changes matter here; parts changes write the fields themselves.
  }, [start.field.value, end.field.value]);

  const change = (next: Partial<TimeParts>) => {
    const merged = { ...parts, ...next };
    setParts(merged);
    const composed = composeTimes(merged);
    start.field.onChange(composed.start_at);
    end.field.onChange(composed.end_at);
    if (formState.isSubmitted) void trigger(startSource);
  };

  const all = settings ? quarterHours(settings) : [];
  const starts = withCurrent(all.slice(0, -1), parts.start);
  const ends = withCurrent(settings ? endChoices(all, parts.start, settings) : [], parts.end);
  const composed = composeTimes(parts);
  const complete = !!composed.start_at;
  const live = complete ? serviceTimeProblem(composed.start_at, composed.end_at, settings, original, lang) : undefined;
  const fieldError = start.fieldState.error?.message ?? end.fieldState.error?.message;
  const message = live ?? (fieldError ? translate(fieldError, { _: fieldError }) : undefined);

  return (
    <Stack sx={{ my: 1 }} data-testid="service-time">
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <StringPicker
          kind="date"
          label={translate('casework.time.date')}
          value={parts.date}
          onChange={(date) => change({ date: date ?? '' })}
          error={!!message}
          margin="none"
          sx={{ width: 210 }}
        />
        <TimeSelect
          label={translate('casework.time.start')}
          value={parts.start}
          options={starts}
          onChange={(start) => change({ start })}
          error={!!message}
        />
        <TimeSelect
          label={translate('casework.time.end')}
          value={parts.end}
          options={ends}
          onChange={(end) => change({ end })}
          error={!!message}
        />
        {(parts.date || parts.start || parts.end) && (
          <Button size="small" onClick={() => change({ date: '', start: '', end: '' })}>
            {translate('casework.time.clear')}
          </Button>
        )}
      </Stack>
      {message ? (
        <FormHelperText error role="alert">
          {message}
        </FormHelperText>
      ) : (
        !complete && !parts.date && !parts.start && <FormHelperText>{translate('casework.time.none_yet')}</FormHelperText>
      )}
      <ServiceHoursHint />
    </Stack>
  );
};

const withCurrent = (options: string[], current: string) =>
  current && !options.includes(current) ? [...options, current].sort() : options;

const TimeSelect = ({
  label,
  value,
  options,
  onChange,
  error,
}: {
  label: string;
  value: string;
  options: string[];
  onChange: (v: string) => void;
  error: boolean;
}) => (
  <TextField
    select
    size="small"
    label={label}
    value={value}
    onChange={(e) => onChange(e.target.value)}
    error={error}
    sx={{ width: 120 }}
    slotProps={{ select: { MenuProps: { slotProps: { paper: { sx: { maxHeight: 320 } } } } } }}
  >
    <MenuItem value="">—</MenuItem>
    {options.map((t) => (
      <MenuItem key={t} value={t}>
        {t}
      </MenuItem>
    ))}
  </TextField>
);
