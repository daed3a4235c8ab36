import { Create, SimpleForm } from 'react-admin';
import { useEligibilityDefault } from '../fields/EligibilityRule';
import { ClientInputs } from './ClientInputs';

const ClientCreate = () => {
  const { ready, eligibility } = useEligibilityDefault();
  return (
    <Create redirect="show">
      {ready && (
        <SimpleForm defaultValues={{ eligibility, languages: [] }}>
          <ClientInputs />
        </SimpleForm>
      )}
    </Create>
  );
};

export default ClientCreate;
