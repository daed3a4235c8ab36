import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  Form,
  RadioButtonGroupInput,
  ReferenceInput,
  SaveButton,
  SelectInput,
  TextInput,
  required,
  useCreate,
  useGetIdentity,
  useRefresh,
  useTranslate,
  type RaRecord,
  useLocaleState,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { serviceTimeViolations } from '../../server/domain/service-rules';
import { render } from '../../server/domain/sentences';
import { apiLocale } from '../providers/i18nProvider';
import { useRequestAssignments } from '../assignments/RequestAssignments';
import { choicesFor } from '../choices';
import { useSettings } from '../providers/useSettings';
import { useApiSubmit } from '../providers/useApiSubmit';
import { DateTimeInput } from '../fields/DateInputs';

const FollowUpInputs = () => {
  const needed = useWatch({ name: 'follow_up_needed' });
  if (!needed) return null;
  return (
    <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
      <TextInput source="follow_up_note" validate={required()} multiline fullWidth={false} sx={{ minWidth: 360 }} />
      <ReferenceInput source="follow_up_owner_id" reference="staff" filter={{ active: true }} sort={{ field: 'name_kana', order: 'ASC' }}>
        <SelectInput optionText="display_name" fullWidth={false} sx={{ minWidth: 200 }} />
      </ReferenceInput>
    </Stack>
  );
};

// The actual time is recorded as it was, even past the rules; say so before saving.
const OutsideRulesNote = () => {
  const translate = useTranslate();
  const { data: settings } = useSettings();
  const [locale] = useLocaleState();
  const [start, end] = useWatch({ name: ['actual_start_at', 'actual_end_at'] });
  if (!settings || !start || !end || new Date(end) <= new Date(start)) return null;
  const violations = serviceTimeViolations(new Date(start), new Date(end), settings);
  if (!violations.length) return null;
  return (
    <Alert severity="info" sx={{ mb: 1 }}>
      {translate('casework.completion.outside_rules')} {violations.map((v) => render(v.text, apiLocale(locale))).join(' ')}
    </Alert>
  );
};

const withoutFollowUp = (values: Record<string, unknown>) =>
  values.follow_up_needed ? values : { ...values, follow_up_note: null, follow_up_owner_id: null };

/** After the activity: what happened, filed once; filing it moves the request to done. */
const CompletionForm = ({ request }: { request: RaRecord }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [create] = useCreate();
  const { identity } = useGetIdentity();
  const { data: assignments, isPending } = useRequestAssignments(request.id);
  const submit = useApiSubmit(
    async (values: Record<string, unknown>) => {
      await create('activity-reports', { data: { ...withoutFollowUp(values), request_id: request.id } }, { returnPromise: true });
      refresh();
    },
    { success: 'casework.completion.filed' },
  );
  if (isPending || !identity) return null;
  const confirmed = assignments?.find((a) => a.status === 'confirmed');
  const defaults = {
    actual_start_at: confirmed?.start_at ?? request.start_at,
    actual_end_at: confirmed?.end_at ?? request.end_at,
    outcome: null,
    summary: '',
    follow_up_needed: false,
    follow_up_note: '',
    follow_up_owner_id: identity.id,
  };
  return (
    <Card variant="outlined" data-testid="completion-form">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('casework.completion.title')}
        </Typography>
        <Form resource="activity-reports" record={defaults} onSubmit={submit} key={confirmed?.id ?? 'none'}>
          <Stack direction="row" sx={{ gap: 3, flexWrap: 'wrap' }}>
            <DateTimeInput source="actual_start_at" validate={required()} fullWidth={false} />
            <DateTimeInput source="actual_end_at" validate={required()} fullWidth={false} />
          </Stack>
          <OutsideRulesNote />
          <RadioButtonGroupInput source="outcome" choices={choicesFor('outcome')} validate={required()} />
          <TextInput source="summary" multiline minRows={3} fullWidth />
          <BooleanInput source="follow_up_needed" />
          <FollowUpInputs />
          <SaveButton label="casework.completion.save" alwaysEnable={false} />
        </Form>
      </CardContent>
    </Card>
  );
};

export default CompletionForm;
