import { CreateButton, Datagrid, Pagination, ReferenceManyField, TextField, useRecordContext, useResourceDefinition } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateTimeField } from '../fields/TokyoDateField';

/** The client's requests, newest first; each row opens the request when that screen exists. */
export const ClientRequests = (_: { label: false }) => {
  const record = useRecordContext();
  const requests = useResourceDefinition({ resource: 'support-requests' });
  const rowClick = requests.hasShow ? 'show' : requests.hasEdit ? 'edit' : false;
  if (!record) return null;
  return (
    <>
      {requests.hasCreate && (
        <CreateButton resource="support-requests" state={{ record: { client_id: record.id } }} sx={{ alignSelf: 'flex-start' }} />
      )}
      <ReferenceManyField
        reference="support-requests"
        target="client_id"
        sort={{ field: 'received_at', order: 'DESC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25]} />}
        empty="resources.clients.no_requests"
      >
        <Datagrid bulkActionButtons={false} rowClick={rowClick}>
          <TextField source="request_no" />
          <TokyoDateTimeField source="received_at" />
          <EnumField source="task_type" enumName="task_type" />
          <EnumField source="status" enumName="request_status" />
        </Datagrid>
      </ReferenceManyField>
    </>
  );
};
