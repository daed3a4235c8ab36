import {
  BooleanInput,
  CheckboxGroupInput,
  NumberInput,
  RadioButtonGroupInput,
  TextInput,
  minValue,
  maxValue,
  number,
  required,
  useLocaleState,
} from 'react-admin';
import { Stack } from '@mui/material';
import { choicesFor } from '../choices';
import { TimeInput } from '../fields/DateInputs';

// ISO weekdays 1 (Monday) … 7 (Sunday); 2024-01-01 was a Monday.
const weekdayChoices = (locale: string) =>
  // Monday … Saturday: the service is closed on Sundays, and volunteers' availability has no Sunday.
  [1, 2, 3, 4, 5, 6].map((id) => ({
    id,
    name: new Date(Date.UTC(2024, 0, id)).toLocaleDateString(locale, { weekday: 'long', timeZone: 'UTC' }),
  }));

const between = (min: number, max: number) => [required(), number(), minValue(min), maxValue(max)];

/** The service-wide rules; the bounds are the server's, which judges again. */
export const SettingsInputs = () => {
  const [locale] = useLocaleState();
  return (
    <>
      <RadioButtonGroupInput source="eligibility_mode" choices={choicesFor('eligibility_mode')} validate={required()} />
      <CheckboxGroupInput source="service_weekdays" choices={weekdayChoices(locale)} translateChoice={false} validate={required()} />
      <Stack direction="row" sx={{ gap: 2 }}>
        <TimeInput source="service_start" validate={required()} fullWidth={false} />
        <TimeInput source="service_end" validate={required()} fullWidth={false} />
      </Stack>
      <NumberInput source="max_activity_minutes" validate={between(15, 1440)} step={15} />
      <BooleanInput source="closed_on_public_holidays" />
      <NumberInput source="id_check_valid_months" validate={between(1, 120)} />
      <NumberInput source="small_count_threshold" validate={between(1, 100)} />
      <NumberInput source="travel_gap_minutes" validate={between(0, 600)} step={15} />
      <NumberInput source="max_expense_yen" validate={between(1, 1_000_000)} step={1000} />
      <BooleanInput source="totp_required_for_all" helperText="totp.settings_helper" />
      <NumberInput source="reminder_hour" validate={between(0, 23)} />
      <NumberInput source="retention_request_years" validate={between(1, 30)} helperText="privacy.retention.years_helper" />
      <NumberInput source="retention_client_years" validate={between(1, 30)} />
      <NumberInput source="retention_volunteer_years" validate={between(1, 30)} />
      <NumberInput source="audit_retention_years" validate={between(1, 30)} />
      {/* One origin a line; the server keeps the list. */}
      <TextInput
        source="form_allowed_origins"
        multiline
        minRows={2}
        helperText="resources.settings.helpers.form_allowed_origins"
        format={(v: unknown) => (Array.isArray(v) ? v.join('\n') : '')}
        parse={(v: string) =>
          v
            .split(/\s+/)
            .map((s) => s.trim())
            .filter(Boolean)
        }
      />
    </>
  );
};
