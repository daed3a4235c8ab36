import { Edit, SimpleForm, TopToolbar } from 'react-admin';
import { TotpResetButton } from '../totp';
import { StaffInputs } from './StaffInputs';

// The password is changed through its own endpoint (PUT /api/staff/:id/password), never here.
const StaffEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="list"
    actions={
      <TopToolbar>
        <TotpResetButton />
      </TopToolbar>
    }
  >
    <SimpleForm>
      <StaffInputs />
    </SimpleForm>
  </Edit>
);

export default StaffEdit;
