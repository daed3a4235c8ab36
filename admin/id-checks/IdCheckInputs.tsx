import { AutocompleteInput, DateInput, ReferenceInput, SelectInput, TextInput, required, useTranslate } from 'react-admin';
import { choicesFor } from '../choices';
import { useServiceSettings } from '../fields/useServiceSettings';

/** A check that it was done, how, by whom and until when: never a document's number or image. */
export const IdCheckInputs = () => {
  const translate = useTranslate();
  const { id_check_valid_months } = useServiceSettings();
  return (
    <>
      <ReferenceInput source="volunteer_id" reference="volunteers">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <DateInput source="checked_on" validate={required()} />
      <SelectInput source="method" choices={choicesFor('id_check_method')} validate={required()} />
      <SelectInput source="document_type" choices={choicesFor('id_document_type')} validate={required()} />
      <SelectInput source="result" choices={choicesFor('id_check_result')} validate={required()} />
      <DateInput
        source="valid_until"
        helperText={translate('resources.id-checks.helpers.valid_until', { months: id_check_valid_months })}
      />
      <TextInput source="notes" multiline minRows={2} helperText="resources.id-checks.helpers.notes" />
    </>
  );
};
