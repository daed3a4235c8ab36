import { Datagrid, List, ReferenceField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { ListActions } from '../layout/ListActions';

const AssignmentList = () => (
  <List actions={<ListActions />} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false}>
      <ReferenceField source="request_id" reference="support-requests" sortable={false} />
      <ReferenceField source="volunteer_id" reference="volunteers" sortable={false} />
      <EnumField source="status" enumName="assignment_status" />
      <TokyoDateTimeField source="start_at" />
      <TokyoDateTimeField source="end_at" />
    </Datagrid>
  </List>
);

export default AssignmentList;
