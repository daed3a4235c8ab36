import { Edit, SimpleForm } from 'react-admin';
import { IdCheckInputs } from './IdCheckInputs';

// Pessimistic: "no document numbers in the notes" and the date rules are the server's to judge.
const IdCheckEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <IdCheckInputs />
    </SimpleForm>
  </Edit>
);

export default IdCheckEdit;
