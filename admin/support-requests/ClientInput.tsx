import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Stack } from '@mui/material';
import { useState } from 'react';
import { AutocompleteInput, Button, ReferenceInput, required, useCreateSuggestionContext, type RaRecord } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { NewClientDialog } from './NewClientDialog';

const clientText = (client?: RaRecord) =>
  client
    ? `${client.client_no} ${client.name}${client.name_kana ? `（${client.name_kana}）` : ''}${client.phone ? ` ${client.phone}` : ''}`
    : '';

// Search goes to the server's `q`: names, kana, numbers and phone, width- and kana-insensitive.
const toQuery = (q: string) => ({ q });

/** Finds the caller among the clients, or registers them, without leaving the request form. */
type Props = {
  isRequired?: boolean;
  /** What is already known of a new client (a web form's name and phone). */
  newClientDefaults?: Record<string, unknown>;
};

export const ClientInput = ({ isRequired = false, newClientDefaults }: Props) => {
  const { setValue } = useFormContext();
  const [open, setOpen] = useState(false);
  const select = (client: RaRecord) => {
    setValue('client_id', client.id, { shouldDirty: true, shouldValidate: true });
    setOpen(false);
  };
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
      <ReferenceInput source="client_id" reference="clients" sort={{ field: 'client_no', order: 'DESC' }}>
        <AutocompleteInput
          optionText={clientText}
          inputText={clientText}
          filterToQuery={toQuery}
          validate={isRequired ? required() : undefined}
          create={<CreateClientSuggestion />}
          createItemLabel="casework.client.create_named"
          sx={{ minWidth: 420 }}
        />
      </ReferenceInput>
      <Button label="casework.client.new" onClick={() => setOpen(true)} sx={{ mt: 1.5, flexShrink: 0, whiteSpace: 'nowrap' }}>
        <PersonAddIcon />
      </Button>
      <NewClientDialog open={open} defaults={newClientDefaults} onCreated={select} onCancel={() => setOpen(false)} />
    </Stack>
  );
};

const CreateClientSuggestion = () => {
  const { filter, onCancel, onCreate } = useCreateSuggestionContext();
  return <NewClientDialog open defaults={{ name: filter }} onCreated={onCreate} onCancel={onCancel} />;
};
