import { FormControlLabel, Switch } from '@mui/material';
import { useStore, useTranslate } from 'react-admin';

const STORE_KEY = 'clients.list.include_archived';

/**
 * react-admin drops null filter values, so "not archived" ({"archived_at": null}) cannot live
 * among the user's filters: it is the list's permanent filter, lifted by this switch.
 */
export const useIncludeArchived = () => useStore<boolean>(STORE_KEY, false);

export const IncludeArchivedSwitch = () => {
  const translate = useTranslate();
  const [includeArchived, setIncludeArchived] = useIncludeArchived();
  return (
    <FormControlLabel
      control={<Switch size="small" checked={includeArchived} onChange={(_, checked) => setIncludeArchived(checked)} />}
      label={translate('resources.clients.actions.include_archived')}
      slotProps={{ typography: { variant: 'body2' } }}
    />
  );
};
