import { Edit, SimpleForm } from 'react-admin';
import { ClosedDateInputs } from './ClosedDateInputs';

// Pessimistic: the server's field errors must reach the form before the user leaves it.
const ClosedDateEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <ClosedDateInputs />
    </SimpleForm>
  </Edit>
);

export default ClosedDateEdit;
