import { Create, SimpleForm } from 'react-admin';
import { PartnerInputs } from './PartnerInputs';

const PartnerCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <PartnerInputs />
    </SimpleForm>
  </Create>
);

export default PartnerCreate;
