import { BooleanField, Datagrid, List, TextField } from 'react-admin';
import { ListActions } from '../layout/ListActions';

// Read-only reference data; `id` is the 6-digit local-government code as a string.
const MunicipalityList = () => (
  <List actions={<ListActions />} sort={{ field: 'id', order: 'ASC' }} perPage={50}>
    <Datagrid bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="name_ja" />
      <TextField source="name_en" />
      <TextField source="prefecture" />
      <BooleanField source="in_service_area" />
    </Datagrid>
  </List>
);

export default MunicipalityList;
