import { Datagrid, List, ReferenceField, TextArrayField, TextField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { ListActions } from '../layout/ListActions';

const ClientList = () => (
  <List actions={<ListActions />} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false}>
      <TextField source="client_no" />
      <TextField source="name" />
      <TextField source="name_kana" />
      <TextField source="nationality" />
      <TextArrayField source="languages" sortable={false} />
      <EnumField source="eligibility" enum_name="eligibility" />
      <ReferenceField source="municipality_code" reference="municipalities" sortable={false} />
      <TextField source="phone" />
    </Datagrid>
  </List>
);

export default ClientList;
