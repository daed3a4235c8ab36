import { AutocompleteInput, ReferenceInput, SelectInput } from 'react-admin';
import { choicesFor } from '../choices';
import { ExpiresWithinInput } from '../fields/ExpiresWithinInput';

export const idCheckFilters = [
  <ReferenceInput key="volunteer_id" source="volunteer_id" reference="volunteers" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <SelectInput key="result" source="result" choices={choicesFor('id_check_result')} />,
  <ExpiresWithinInput key="expires_within_days" source="expires_within_days" />,
];
