import { Create, SimpleForm, useGetIdentity } from 'react-admin';
import { CASEWORK } from '../../server/domain/roles';
import { SupportRequestInputs } from './SupportRequestInputs';

// A phone call usually: phone channel, in person, unless the caller says otherwise.
const DEFAULTS = { channel: 'phone', mode: 'in_person', start_at: null, end_at: null };

/** The person taking the call is its coordinator unless they choose someone else. */
const useDefaults = () => {
  const { identity, isPending } = useGetIdentity();
  if (isPending) return undefined;
  const mine = identity && CASEWORK.some((role) => role === identity.role) ? { coordinator_id: identity.id } : {};
  return { ...DEFAULTS, ...mine };
};

const SupportRequestCreate = () => {
  const defaults = useDefaults();
  return (
    <Create redirect="show">
      {defaults && (
        <SimpleForm defaultValues={defaults}>
          <SupportRequestInputs isCreate />
        </SimpleForm>
      )}
    </Create>
  );
};

export default SupportRequestCreate;
