import { Datagrid, List, ReferenceField, TextField } from 'react-admin';
import { CountryField } from '../fields/CountryField';
import { EnumField } from '../fields/EnumField';
import { FilteredListActions, NOWRAP_CELLS } from '../fields/FilteredListActions';
import { LanguagesField } from '../fields/LanguagesField';
import { TokyoDateField } from '../fields/TokyoDateField';
import { clientFilters } from './clientFilters';
import { IncludeArchivedSwitch, useIncludeArchived } from './IncludeArchivedSwitch';

const ClientList = () => {
  const [includeArchived] = useIncludeArchived();
  return (
    <List
      filters={clientFilters}
      filter={includeArchived ? undefined : { archived_at: null }}
      actions={
        <FilteredListActions>
          <IncludeArchivedSwitch />
        </FilteredListActions>
      }
      sort={{ field: 'client_no', order: 'DESC' }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} sx={NOWRAP_CELLS}>
        <TextField source="client_no" />
        <TextField source="name" />
        <TextField source="name_kana" />
        <CountryField source="nationality" />
        <LanguagesField source="languages" sortable={false} />
        <ReferenceField source="municipality_code" reference="municipalities" link={false} />
        <EnumField source="eligibility" enumName="eligibility" />
        {includeArchived && <TokyoDateField source="archived_at" sortable={false} />}
      </Datagrid>
    </List>
  );
};

export default ClientList;
