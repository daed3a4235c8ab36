import { CreateButton, DeleteButton, EditButton, TopToolbar, useGetList, useRecordContext } from 'react-admin';
import { RecordHistoryButton } from '../audit-log/RecordHistoryButton';
import { ClientAnonymiseButton } from './ClientAnonymiseButton';
import { ClientArchiveButton } from './ClientArchiveButton';
import { DisclosureButton } from '../privacy/DisclosureButton';

/** A client with requests is history: archived, never deleted (the server refuses with 409). */
const useHasRequests = (clientId: unknown): boolean | undefined => {
  const { total, isPending, error } = useGetList(
    'support-requests',
    { filter: { client_id: clientId }, pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'DESC' } },
    { enabled: clientId != null },
  );
  if (isPending) return undefined;
  return !!error || (total ?? 0) > 0;
};

export const ClientShowActions = () => {
  const record = useRecordContext();
  const hasRequests = useHasRequests(record?.id);
  // An anonymised client is final: the server refuses any edit, so none is offered.
  if (record?.anonymised_at)
    return (
      <TopToolbar>
        <RecordHistoryButton resource="clients" />
        <DisclosureButton resource="clients" />
      </TopToolbar>
    );
  return (
    <TopToolbar>
      {!record?.archived_at && (
        <CreateButton
          resource="support-requests"
          label="casework.requests.new_for_client"
          state={{ record: { client_id: record?.id } }}
          variant="contained"
        />
      )}
      <RecordHistoryButton resource="clients" />
      <EditButton />
      {(hasRequests || record?.archived_at) && <ClientArchiveButton />}
      {hasRequests === false && !record?.archived_at && <DeleteButton mutationMode="pessimistic" />}
      <DisclosureButton resource="clients" />
      <ClientAnonymiseButton />
    </TopToolbar>
  );
};
