import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateField, TokyoDateTimeField } from '../fields/TokyoDateField';

const IdCheckShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="volunteer_id" reference="volunteers" />
      <TokyoDateField source="checked_on" />
      <EnumField source="method" enumName="id_check_method" />
      <EnumField source="document_type" enumName="id_document_type" />
      <EnumField source="result" enumName="id_check_result" />
      <TokyoDateField source="valid_until" />
      <TextField source="notes" sx={{ whiteSpace: 'pre-wrap' }} />
      <ReferenceField source="checked_by" reference="staff" link={false} />
      <TokyoDateTimeField source="created_at" />
      <TokyoDateTimeField source="updated_at" />
    </SimpleShowLayout>
  </Show>
);

export default IdCheckShow;
