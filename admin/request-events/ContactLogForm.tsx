import { Stack } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  TextInput,
  required,
  useCreate,
  useRefresh,
  type Identifier,
} from 'react-admin';
import type { REQUEST_EVENT_KINDS } from '../../server/domain/enums';
import { choicesFor } from '../choices';
import { useApiSubmit } from '../providers/useApiSubmit';

// What staff may log by hand (the server writes the other kinds itself).
const CONTACT_KINDS = ['call', 'email', 'note'] as const satisfies readonly (typeof REQUEST_EVENT_KINDS)[number][];
const KIND_CHOICES = CONTACT_KINDS.map((kind) => ({ id: kind, name: `enums.request_event_kind.${kind}` }));
const DEFAULTS = { kind: 'call', party: 'resident', body: '' };

/** A call, an email or a note added to the timeline in a few seconds. */
export const ContactLogForm = ({ requestId }: { requestId: Identifier }) => {
  const [create] = useCreate();
  const refresh = useRefresh();
  // A new key after each entry gives an empty form for the next one.
  const [round, setRound] = useState(0);
  const submit = useApiSubmit(
    async (values: Record<string, unknown>) => {
      await create('request-events', { data: { ...values, request_id: requestId } }, { returnPromise: true });
      setRound((n) => n + 1);
      refresh();
    },
    { success: 'casework.timeline.logged' },
  );
  return (
    <Form resource="request-events" record={DEFAULTS} onSubmit={submit} key={`${requestId}-${round}`}>
      <Stack>
        <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <RadioButtonGroupInput source="kind" choices={KIND_CHOICES} validate={required()} row helperText={false} />
          <SelectInput
            source="party"
            choices={choicesFor('event_party')}
            helperText={false}
            emptyText="ra.action.clear_input_value"
            fullWidth={false}
            sx={{ minWidth: 160 }}
          />
        </Stack>
        <TextInput source="body" multiline minRows={2} validate={required()} helperText={false} />
        <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
          <SaveButton label="casework.timeline.add" alwaysEnable={false} />
        </Stack>
      </Stack>
    </Form>
  );
};
