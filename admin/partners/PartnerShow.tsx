import { EmailField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { TokyoDateTimeField } from '../fields/TokyoDateField';

const PartnerShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="contact_name" />
      <TextField source="phone" />
      <EmailField source="email" />
      <TextField source="notes" sx={{ whiteSpace: 'pre-wrap' }} />
      <TokyoDateTimeField source="created_at" />
      <TokyoDateTimeField source="updated_at" />
    </SimpleShowLayout>
  </Show>
);

export default PartnerShow;
