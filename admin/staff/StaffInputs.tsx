import { BooleanInput, SelectInput, TextInput, email, required } from 'react-admin';
import { choicesFor } from '../choices';

export const StaffInputs = () => (
  <>
    <TextInput source="email" type="email" validate={[required(), email()]} />
    <TextInput source="display_name" validate={required()} />
    <TextInput source="name_kana" />
    <SelectInput source="role" choices={choicesFor('role')} validate={required()} />
    <BooleanInput source="active" />
  </>
);
