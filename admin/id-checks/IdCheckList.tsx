import { Datagrid, List, ReferenceField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { FilteredListActions, NOWRAP_CELLS } from '../fields/FilteredListActions';
import { TokyoDateField } from '../fields/TokyoDateField';
import { idCheckFilters } from './idCheckFilters';

const IdCheckList = () => (
  <List filters={idCheckFilters} actions={<FilteredListActions />} sort={{ field: 'checked_on', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false} sx={NOWRAP_CELLS}>
      <ReferenceField source="volunteer_id" reference="volunteers" />
      <TokyoDateField source="checked_on" />
      <EnumField source="method" enumName="id_check_method" />
      <EnumField source="document_type" enumName="id_document_type" />
      <EnumField source="result" enumName="id_check_result" />
      <TokyoDateField source="valid_until" />
      <ReferenceField source="checked_by" reference="staff" link={false} sortable={false} />
    </Datagrid>
  </List>
);

export default IdCheckList;
