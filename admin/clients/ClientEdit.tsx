import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { ClientInputs } from './ClientInputs';

// Pessimistic: the server's field errors and version conflicts must reach the form before
// the user leaves it. No delete here: the show page archives or deletes, knowing the history.
const ClientEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <ClientInputs />
    </SimpleForm>
  </Edit>
);

export default ClientEdit;
