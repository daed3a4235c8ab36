import {
  AutocompleteInput,
  FormDataConsumer,
  ReferenceInput,
  SelectInput,
  TextInput,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { NEW_ID_DOCUMENT_TYPES } from '../../server/domain/enums';
import { DOCUMENTS_BOUNDING_VALIDITY } from '../../server/domain/id-checks';
import { choicesFor } from '../choices';
import { useServiceSettings } from '../fields/useServiceSettings';
import { DateInput, MonthInput } from '../fields/DateInputs';

/** A check that it was done, how, by whom and until when: never a document's number or image. */
export const IdCheckInputs = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  const { id_check_valid_months } = useServiceSettings();
  // 健康保険証 is offered only where an old check already has it.
  const documents = choicesFor('id_document_type').filter(
    (c) => (NEW_ID_DOCUMENT_TYPES as readonly string[]).includes(c.id) || c.id === record?.document_type,
  );
  return (
    <>
      <ReferenceInput source="volunteer_id" reference="volunteers">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <DateInput source="checked_on" validate={required()} />
      <SelectInput source="method" choices={choicesFor('id_check_method')} validate={required()} />
      <SelectInput source="document_type" choices={documents} validate={required()} />
      <FormDataConsumer<{ document_type?: string }>>
        {({ formData }) =>
          formData.document_type && DOCUMENTS_BOUNDING_VALIDITY.includes(formData.document_type) ? (
            <MonthInput source="document_expiry_month" helperText="resources.id-checks.helpers.document_expiry_month" />
          ) : null
        }
      </FormDataConsumer>
      <SelectInput source="result" choices={choicesFor('id_check_result')} validate={required()} />
      <DateInput
        source="valid_until"
        helperText={translate('resources.id-checks.helpers.valid_until', { months: id_check_valid_months })}
      />
      <TextInput source="notes" multiline minRows={2} helperText="resources.id-checks.helpers.notes" />
    </>
  );
};
