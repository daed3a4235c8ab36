import { Datagrid, List, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { FilteredListActions, NOWRAP_CELLS } from '../fields/FilteredListActions';
import { IdCheckExpiryField } from '../fields/IdCheckExpiryField';
import { LanguagesField } from '../fields/LanguagesField';
import { volunteerFilters } from './volunteerFilters';

const VolunteerList = () => (
  <List filters={volunteerFilters} actions={<FilteredListActions />} sort={{ field: 'volunteer_no', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false} sx={NOWRAP_CELLS}>
      <TextField source="volunteer_no" />
      <TextField source="name" />
      <TextField source="name_kana" />
      <LanguagesField source="languages" sortable={false} />
      <ReferenceField source="municipality_code" reference="municipalities" link={false} />
      <EnumField source="status" enumName="volunteer_status" />
      <IdCheckExpiryField source="id_check_valid_until" />
    </Datagrid>
  </List>
);

export default VolunteerList;
