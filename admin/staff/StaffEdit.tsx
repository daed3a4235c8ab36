import { Edit, SimpleForm } from 'react-admin';
import { StaffInputs } from './StaffInputs';

// The password is changed through its own endpoint (PUT /api/staff/:id/password), never here.
const StaffEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <StaffInputs />
    </SimpleForm>
  </Edit>
);

export default StaffEdit;
