import { Create, PasswordInput, SimpleForm, required } from 'react-admin';
import { StaffInputs } from './StaffInputs';

// The password is write-only: sent once here, never returned by the server.
const StaffCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ active: true }}>
      <StaffInputs />
      <PasswordInput source="password" autoComplete="new-password" validate={required()} />
    </SimpleForm>
  </Create>
);

export default StaffCreate;
