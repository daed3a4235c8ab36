import ArchiveIcon from '@mui/icons-material/Archive';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import { Button, useCanAccess, useNotify, useRecordContext, useUpdate } from 'react-admin';
import { toTokyoIso } from '../../server/domain/time';

/** Archives (or brings back) the client: hidden from the default list, kept with its history. */
export const ClientArchiveButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate();
  const { canAccess } = useCanAccess({ resource: 'clients', action: 'edit', record });
  if (!record || !canAccess) return null;
  const archived = !!record.archived_at;
  const toggle = () =>
    update(
      'clients',
      { id: record.id, data: { archived_at: archived ? null : toTokyoIso(new Date()), version: record.version }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => notify(archived ? 'resources.clients.actions.unarchived' : 'resources.clients.actions.archived', { type: 'info' }),
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  return (
    <Button
      label={archived ? 'resources.clients.actions.unarchive' : 'resources.clients.actions.archive'}
      onClick={toggle}
      disabled={isPending}
    >
      {archived ? <UnarchiveIcon /> : <ArchiveIcon />}
    </Button>
  );
};
