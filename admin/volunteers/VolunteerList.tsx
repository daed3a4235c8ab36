import { Datagrid, List, TextArrayField, TextField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateField } from '../fields/TokyoDateField';
import { ListActions } from '../layout/ListActions';

const VolunteerList = () => (
  <List actions={<ListActions />} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false}>
      <TextField source="volunteer_no" />
      <TextField source="name" />
      <TextField source="name_kana" />
      <TextArrayField source="languages" sortable={false} />
      <EnumField source="status" enum_name="volunteer_status" />
      <TokyoDateField source="id_check_valid_until" />
      <TextField source="phone" />
    </Datagrid>
  </List>
);

export default VolunteerList;
