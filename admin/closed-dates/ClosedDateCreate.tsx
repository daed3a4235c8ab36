import { Create, SimpleForm } from 'react-admin';
import { ClosedDateInputs } from './ClosedDateInputs';

const ClosedDateCreate = () => (
  <Create redirect="list" record={{ every_year: false }}>
    <SimpleForm>
      <ClosedDateInputs />
    </SimpleForm>
  </Create>
);

export default ClosedDateCreate;
