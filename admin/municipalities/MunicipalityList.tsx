import { BooleanField, Datagrid, List, TextField, useCanAccess } from 'react-admin';
import { ListActions } from '../layout/ListActions';

// Read-only reference data; `id` is the 6-digit local-government code as a string.
const MunicipalityList = () => {
  // Admins keep each municipality's notes (check-up days, 休日開庁 days).
  const { canAccess } = useCanAccess({ resource: 'municipalities', action: 'edit' });
  return (
    <List actions={<ListActions />} sort={{ field: 'id', order: 'ASC' }} perPage={50}>
      <Datagrid bulkActionButtons={false} rowClick={canAccess ? 'edit' : false}>
        <TextField source="id" />
        <TextField source="name_ja" />
        <TextField source="name_en" />
        <TextField source="prefecture" />
        <BooleanField source="in_service_area" />
        <TextField source="notes" />
      </Datagrid>
    </List>
  );
};

export default MunicipalityList;
