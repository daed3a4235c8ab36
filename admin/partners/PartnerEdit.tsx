import { Edit, SimpleForm } from 'react-admin';
import { PartnerInputs } from './PartnerInputs';

// Pessimistic: the server's field errors and version conflicts must reach the form
// before the user leaves it.
const PartnerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <PartnerInputs />
    </SimpleForm>
  </Edit>
);

export default PartnerEdit;
