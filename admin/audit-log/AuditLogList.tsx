import { Datagrid, List, ReferenceField, TextArrayField, TextField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { ResourceNameField } from '../fields/ResourceNameField';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { ListActions } from '../layout/ListActions';

const AuditLogList = () => (
  <List actions={<ListActions />} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
    <Datagrid bulkActionButtons={false}>
      <TokyoDateTimeField source="at" />
      <ReferenceField source="staff_id" reference="staff" sortable={false} />
      <EnumField source="action" enumName="audit_action" />
      <ResourceNameField source="resource" />
      <TextField source="record_id" sortable={false} />
      <TextArrayField source="changed_fields" sortable={false} />
    </Datagrid>
  </List>
);

export default AuditLogList;
