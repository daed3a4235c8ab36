import { useEffect, useMemo, useRef } from 'react';
import { AutocompleteInput, useGetOne } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useLanguageChoices } from '../fields/iso';

/**
 * Once the caller is known, the request's language and municipality default to the client's
 * first language and home municipality; whatever the coordinator chose by hand is kept.
 */
const useClientDefaults = () => {
  const clientId = useWatch({ name: 'client_id' });
  const { getValues, setValue } = useFormContext();
  const { data: client } = useGetOne('clients', { id: clientId }, { enabled: clientId != null });
  const applied = useRef<{ language?: string; municipality_code?: string }>({});
  useEffect(() => {
    if (!client || client.id !== clientId) return;
    const fill = (source: 'language' | 'municipality_code', value: string | undefined) => {
      const current = getValues(source);
      if (!value || (current && current !== applied.current[source])) return;
      applied.current[source] = value;
      if (current !== value) setValue(source, value, { shouldDirty: true });
    };
    fill('language', (client.languages as string[] | undefined)?.[0]);
    fill('municipality_code', client.municipality_code as string | undefined);
  }, [client, clientId, getValues, setValue]);
  return client;
};

export const LanguageInput = () => {
  const client = useClientDefaults();
  const all = useLanguageChoices();
  // The client's own languages head the list.
  const choices = useMemo(() => {
    const first = (client?.languages as string[] | undefined) ?? [];
    return [...first.flatMap((code) => all.filter((c) => c.id === code)), ...all.filter((c) => !first.includes(c.id))];
  }, [all, client]);
  return <AutocompleteInput source="language" choices={choices} translateChoice={false} sx={{ minWidth: 280 }} />;
};
