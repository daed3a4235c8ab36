import { BooleanField, Datagrid, EmailField, List, TextField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { ListActions } from '../layout/ListActions';

// No rowClick: react-admin opens the edit form only for roles allowed to edit (admin).
const StaffList = () => (
  <List actions={<ListActions />} sort={{ field: 'name_kana', order: 'ASC' }}>
    <Datagrid bulkActionButtons={false}>
      <TextField source="display_name" sx={{ whiteSpace: 'nowrap' }} />
      <TextField source="name_kana" sx={{ whiteSpace: 'nowrap' }} />
      <EmailField source="email" />
      <EnumField source="role" enumName="role" />
      <BooleanField source="active" />
      <BooleanField source="totp_enabled" sortable={false} />
    </Datagrid>
  </List>
);

export default StaffList;
