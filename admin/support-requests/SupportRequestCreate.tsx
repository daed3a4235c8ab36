import { Create, SimpleForm } from 'react-admin';
import { SupportRequestInputs } from './SupportRequestInputs';

// A phone call usually: phone channel, in person, unless the caller says otherwise.
const DEFAULTS = { channel: 'phone', mode: 'in_person', start_at: null, end_at: null };

const SupportRequestCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={DEFAULTS}>
      <SupportRequestInputs isCreate />
    </SimpleForm>
  </Create>
);

export default SupportRequestCreate;
