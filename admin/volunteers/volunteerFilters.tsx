import { SearchInput, SelectInput } from 'react-admin';
import { ID_CHECK_STATES } from '../../server/domain/id-checks';
import { choicesFor } from '../choices';
import { ExpiresWithinInput } from '../fields/ExpiresWithinInput';
import { LanguageInput } from '../fields/IsoInputs';
import { MunicipalityInput } from '../fields/PlaceInputs';

// What each state selects (`none`: never checked or expired) is declared with the states.
const idCheckStateChoices = ID_CHECK_STATES.map((id) => ({ id, name: `resources.volunteers.id_check_states.${id}` }));

export const volunteerFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesFor('volunteer_status')} />,
  <SelectInput key="id_check_state" source="id_check_state" choices={idCheckStateChoices} />,
  <ExpiresWithinInput key="id_check_expires_within_days" source="id_check_expires_within_days" />,
  <MunicipalityInput key="municipality_code" source="municipality_code" />,
  <LanguageInput key="languages" source="languages" />,
  <SelectInput key="task_types" source="task_types" choices={choicesFor('task_type')} />,
];
