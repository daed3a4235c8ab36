import { MunicipalityAutocomplete } from '../fields/PlaceInputs';
import { ReferenceInput, SearchInput, SelectInput, type InputProps } from 'react-admin';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CASEWORK } from '../../server/domain/roles';
import { choicesFor } from '../choices';
import { DateInput } from '../fields/DateInputs';

// A chip that is either on or absent, never "false": `no_time_yet: false` would mean "has a time".
const QuickFilter = ({ label }: Partial<InputProps> & { label: string }) => {
  const translate = useTranslate();
  return <Chip sx={{ mb: 1 }} label={translate(label)} />;
};

const municipalityQuery = (q: string) => ({ q });

export const supportRequestFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="category" source="category" choices={choicesFor('category')} />,
  <SelectInput key="task_type" source="task_type" choices={choicesFor('task_type')} />,
  <ReferenceInput key="municipality_code" source="municipality_code" reference="municipalities" filter={{ in_service_area: true }}>
    <MunicipalityAutocomplete filterToQuery={municipalityQuery} />
  </ReferenceInput>,
  <ReferenceInput
    key="coordinator_id"
    source="coordinator_id"
    reference="staff"
    filter={{ role: CASEWORK }}
    sort={{ field: 'name_kana', order: 'ASC' }}
  >
    <SelectInput optionText="display_name" />
  </ReferenceInput>,
  <DateInput key="received_at_gte" source="received_at_gte" keepUntilComplete />,
  <DateInput key="received_at_lte" source="received_at_lte" keepUntilComplete />,
  <QuickFilter key="no_time_yet" source="no_time_yet" label="casework.requests.no_time_yet" defaultValue />,
];
