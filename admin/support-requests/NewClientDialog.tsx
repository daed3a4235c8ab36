import { Dialog, DialogContent, DialogTitle } from '@mui/material';
import type { SyntheticEvent } from 'react';
import {
  AutocompleteInput,
  Button,
  CreateBase,
  ReferenceInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  required,
  useNotify,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { choicesFor } from '../choices';
import { EligibilityRule } from '../fields/EligibilityRule';
import { LanguagesInput } from '../fields/IsoInputs';

type Props = { open: boolean; defaults?: Record<string, unknown>; onCreated: (client: RaRecord) => void; onCancel: () => void };

/**
 * A new resident registered from inside the request form: just what a first call gives.
 * The dialog's form is portalled but React still bubbles its submit to the request form,
 * hence the stopPropagation wrapper.
 */
export const NewClientDialog = ({ open, defaults, onCreated, onCancel }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  return (
    <Dialog open={open} onClose={onCancel} fullWidth maxWidth="sm" aria-labelledby="new-client-title">
      <DialogTitle id="new-client-title">{translate('casework.client.new')}</DialogTitle>
      <DialogContent onSubmit={(e: SyntheticEvent) => e.stopPropagation()}>
        <CreateBase
          resource="clients"
          redirect={false}
          record={defaults}
          mutationOptions={{
            onSuccess: (client: RaRecord) => {
              notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
              onCreated(client);
            },
          }}
        >
          <SimpleForm toolbar={<NewClientToolbar onCancel={onCancel} />}>
            <NewClientInputs />
          </SimpleForm>
        </CreateBase>
      </DialogContent>
    </Dialog>
  );
};

const NewClientInputs = () => {
  const eligibility = useWatch({ name: 'eligibility' });
  return (
    <>
      <TextInput source="name" validate={required()} autoFocus />
      <TextInput source="name_kana" />
      <LanguagesInput source="languages" validate={required()} />
      <TextInput source="phone" type="tel" />
      <SelectInput source="eligibility" choices={choicesFor('eligibility')} validate={required()} />
      <EligibilityRule />
      {eligibility === 'ofp_member' && <TextInput source="ofp_member_no" validate={required()} />}
      {eligibility === 'partner_referral' && (
        <ReferenceInput source="partner_id" reference="partners">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
      )}
    </>
  );
};

const NewClientToolbar = ({ onCancel }: { onCancel: () => void }) => (
  <Toolbar sx={{ gap: 1 }}>
    <SaveButton />
    <Button label="ra.action.cancel" onClick={onCancel} />
  </Toolbar>
);
