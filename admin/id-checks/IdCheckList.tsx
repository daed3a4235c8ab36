import { Datagrid, List, ReferenceField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateField } from '../fields/TokyoDateField';
import { ListActions } from '../layout/ListActions';

const IdCheckList = () => (
  <List actions={<ListActions />} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false}>
      <ReferenceField source="volunteer_id" reference="volunteers" sortable={false} />
      <TokyoDateField source="checked_on" />
      <EnumField source="method" enum_name="id_check_method" />
      <EnumField source="document_type" enum_name="id_document_type" />
      <EnumField source="result" enum_name="id_check_result" />
      <TokyoDateField source="valid_until" />
      <ReferenceField source="checked_by" reference="staff" sortable={false} />
    </Datagrid>
  </List>
);

export default IdCheckList;
