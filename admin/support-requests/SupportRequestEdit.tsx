import { Edit, SimpleForm } from 'react-admin';
import { SupportRequestInputs } from './SupportRequestInputs';

// Pessimistic: the server's field errors (a time outside the service rules, an ineligible
// client) and version conflicts must land beside the inputs before the user leaves the form.
const SupportRequestEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <SupportRequestInputs />
    </SimpleForm>
  </Edit>
);

export default SupportRequestEdit;
