import { SearchInput, SelectInput } from 'react-admin';
import { choicesFor } from '../choices';
import { CountryInput, LanguageInput } from '../fields/IsoInputs';
import { MunicipalityInput } from '../fields/PlaceInputs';

// `languages` holds codes; one chosen language finds the clients who speak it.
export const clientFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <MunicipalityInput key="municipality_code" source="municipality_code" />,
  <LanguageInput key="languages" source="languages" />,
  <SelectInput key="eligibility" source="eligibility" choices={choicesFor('eligibility')} />,
  <CountryInput key="nationality" source="nationality" />,
];
