import { BooleanInput, TextInput, email, required } from 'react-admin';

// Only the obvious checks live here; the server is the judge, and its field messages land
// beside these same inputs (the edit form is pessimistic).
export const PartnerInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="contact_name" />
    <TextInput source="phone" type="tel" />
    <TextInput source="email" type="email" validate={email()} />
    <TextInput source="notes" multiline minRows={3} />
    <BooleanInput source="show_on_form" helperText="resources.partners.helpers.show_on_form" />
  </>
);
