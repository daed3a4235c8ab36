import { BooleanField, Datagrid, List, ReferenceField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { ListActions } from '../layout/ListActions';

const ActivityReportList = () => (
  <List actions={<ListActions />} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false}>
      <ReferenceField source="request_id" reference="support-requests" sortable={false} />
      <TokyoDateTimeField source="actual_start_at" />
      <TokyoDateTimeField source="actual_end_at" />
      <EnumField source="outcome" enumName="outcome" />
      <BooleanField source="follow_up_needed" />
    </Datagrid>
  </List>
);

export default ActivityReportList;
