import { Datagrid, List, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { ClientOrIntakeField } from './ClientOrIntakeField';
import { RequestStatusField } from './RequestStatusField';
import { supportRequestFilters } from './SupportRequestFilters';
import { SupportRequestListActions } from './SupportRequestListActions';
import { StatusTabs } from './StatusTabs';

const SupportRequestList = () => (
  <List
    filters={supportRequestFilters}
    filterDefaultValues={{ status: 'received' }}
    actions={<SupportRequestListActions />}
    sort={{ field: 'received_at', order: 'DESC' }}
  >
    <StatusTabs />
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="request_no" />
      <TokyoDateTimeField source="received_at" />
      <ClientOrIntakeField source="client_id" sortable={false} />
      <EnumField source="category" enumName="category" />
      <EnumField source="task_type" enumName="task_type" />
      <ReferenceField source="municipality_code" reference="municipalities" link={false} />
      <TokyoDateTimeField source="start_at" />
      <RequestStatusField source="status" />
      <ReferenceField source="coordinator_id" reference="staff" link={false} sortable={false} />
    </Datagrid>
  </List>
);

export default SupportRequestList;
