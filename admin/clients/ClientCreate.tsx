import { Create, SimpleForm } from 'react-admin';
import { ClientInputs } from './ClientInputs';

const ClientCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ eligibility: 'general', languages: [] }}>
      <ClientInputs />
    </SimpleForm>
  </Create>
);

export default ClientCreate;
