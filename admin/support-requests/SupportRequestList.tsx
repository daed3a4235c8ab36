import { Datagrid, List, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { ListActions } from '../layout/ListActions';

const SupportRequestList = () => (
  <List actions={<ListActions />} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false}>
      <TextField source="request_no" />
      <TokyoDateTimeField source="received_at" />
      <ReferenceField source="client_id" reference="clients" sortable={false} />
      <EnumField source="category" enum_name="category" />
      <EnumField source="task_type" enum_name="task_type" />
      <EnumField source="status" enum_name="request_status" />
      <TokyoDateTimeField source="start_at" />
      <ReferenceField source="coordinator_id" reference="staff" sortable={false} />
    </Datagrid>
  </List>
);

export default SupportRequestList;
