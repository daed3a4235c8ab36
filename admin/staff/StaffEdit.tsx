import { Edit, SimpleForm, TopToolbar } from 'react-admin';
import { TotpResetButton } from '../totp';
import { PasswordResetButton } from './PasswordResetButton';
import { StaffInputs } from './StaffInputs';

// The password is changed through its own endpoint (PUT /api/staff/:id/password, PasswordResetButton), never in the form.
const StaffEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="list"
    actions={
      <TopToolbar>
        <PasswordResetButton />
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
