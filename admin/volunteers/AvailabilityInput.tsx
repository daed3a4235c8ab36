import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, FormHelperText, IconButton, Stack, TextField, Typography } from '@mui/material';
import { useCallback } from 'react';
import { InputHelperText, useInput, useLocaleState, useTranslate } from 'react-admin';
import { availabilityProblems, type AvailabilityWindow } from '../../server/domain/availability';
import { render } from '../../server/domain/sentences';
import { apiLocale } from '../providers/i18nProvider';
import { useServiceSettings } from '../fields/useServiceSettings';
import { WEEKDAYS, newWindow, timeOptions } from './availabilityTimes';

type RowProps = {
  index: number;
  window: AvailabilityWindow;
  problem?: string;
  service: { service_start: string; service_end: string };
  onChange: (window: AvailabilityWindow) => void;
  onRemove: () => void;
};

// Native selects: large, familiar, keyboard- and touch-friendly for staff who are not
// comfortable with computers.
const SELECT = { select: { native: true } } as const;

const AvailabilityRow = ({ index, window, problem, service, onChange, onRemove }: RowProps) => {
  const translate = useTranslate();
  const row = index + 1;
  return (
    <Box role="group" aria-label={translate('availability.row', { row })}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <TextField
          select
          size="small"
          label={translate('availability.weekday')}
          value={window.weekday}
          onChange={(e) => onChange({ ...window, weekday: Number(e.target.value) })}
          slotProps={SELECT}
          error={!!problem}
          sx={{ width: 110 }}
        >
          {WEEKDAYS.map((d) => (
            <option key={d} value={d}>
              {translate(`availability.weekdays.${d}`)}
            </option>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={translate('availability.start')}
          value={window.start}
          onChange={(e) => onChange({ ...window, start: e.target.value })}
          slotProps={SELECT}
          error={!!problem}
          sx={{ width: 120 }}
        >
          {timeOptions(service.service_start, service.service_end, window.start).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </TextField>
        <Typography aria-hidden>〜</Typography>
        <TextField
          select
          size="small"
          label={translate('availability.end')}
          value={window.end}
          onChange={(e) => onChange({ ...window, end: e.target.value })}
          slotProps={SELECT}
          error={!!problem}
          sx={{ width: 120 }}
        >
          {timeOptions(service.service_start, service.service_end, window.end).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </TextField>
        <IconButton
          aria-label={translate('availability.remove', { row })}
          title={translate('availability.remove', { row })}
          onClick={onRemove}
        >
          <DeleteIcon />
        </IconButton>
      </Stack>
      {problem && (
        <FormHelperText error sx={{ mt: 0.5 }}>
          {problem}
        </FormHelperText>
      )}
    </Box>
  );
};

/**
 * The weekly slots a volunteer can take, one row each. Problems are shown as soon as a
 * value changes, with the same rule (availabilityProblems) the server applies on save.
 */
export const AvailabilityInput = () => {
  const translate = useTranslate();
  const service = useServiceSettings();
  const [locale] = useLocaleState();
  const validate = useCallback(
    (value: unknown) =>
      Array.isArray(value) && Object.keys(availabilityProblems(value as AvailabilityWindow[], service)).length > 0
        ? 'availability.has_problems'
        : undefined,
    [service],
  );
  const { field, fieldState, formState } = useInput({ source: 'availability', defaultValue: [], validate });
  const windows: AvailabilityWindow[] = Array.isArray(field.value) ? field.value : [];
  const problems = availabilityProblems(windows, service);
  const change = (next: AvailabilityWindow[]) => field.onChange(next);
  const shownError = fieldState.error && (formState.isSubmitted || !fieldState.error.type?.startsWith('validate'));
  return (
    <Stack spacing={1.5} sx={{ width: '100%', mb: 2, gridColumn: '1 / -1' }}>
      <Typography variant="body2" color="text.secondary">
        {translate('availability.hint', { start: service.service_start, end: service.service_end })}
      </Typography>
      {windows.length === 0 && (
        <Typography variant="body2" sx={{ fontStyle: 'italic' }}>
          {translate('availability.empty')}
        </Typography>
      )}
      {windows.map((window, index) => (
        <AvailabilityRow
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; each edits the window at its place.
          key={index}
          index={index}
          window={window}
          problem={problems[index] && render(problems[index], apiLocale(locale))}
          service={service}
          onChange={(changed) => change(windows.map((w, i) => (i === index ? changed : w)))}
          onRemove={() => change(windows.filter((_, i) => i !== index))}
        />
      ))}
      <Box>
        <Button
          variant="outlined"
          size="small"
          startIcon={<AddIcon />}
          onClick={() => change([...windows, newWindow(windows, service.service_start, service.service_end)])}
        >
          {translate('availability.add')}
        </Button>
      </Box>
      {shownError && (
        <FormHelperText error>
          <InputHelperText error={fieldState.error?.message} />
        </FormHelperText>
      )}
    </Stack>
  );
};
