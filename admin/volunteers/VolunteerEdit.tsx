import { Edit, SimpleForm } from 'react-admin';
import { VolunteerInputs } from './VolunteerInputs';

// Pessimistic: the server's field errors (availability rows, municipalities) and version
// conflicts must reach the form before the user leaves it.
const VolunteerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <VolunteerInputs />
    </SimpleForm>
  </Edit>
);

export default VolunteerEdit;
