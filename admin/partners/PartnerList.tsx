import { Datagrid, EmailField, List, SearchInput, TextField } from 'react-admin';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { ListActions } from '../layout/ListActions';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

const PartnerList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="contact_name" />
      <TextField source="phone" />
      <EmailField source="email" />
      <TokyoDateTimeField source="updated_at" />
    </Datagrid>
  </List>
);

export default PartnerList;
