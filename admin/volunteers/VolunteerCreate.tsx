import { Create, SimpleForm } from 'react-admin';
import { VolunteerInputs } from './VolunteerInputs';

// Volunteers are mostly Japanese speakers: Japanese is preselected, other languages are added.
const DEFAULTS = {
  status: 'active',
  languages: ['ja'],
  in_person_ok: true,
  online_ok: false,
  ofp_registered: false,
  task_types: [],
  service_municipality_codes: [],
  availability: [],
};

const VolunteerCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={DEFAULTS}>
      <VolunteerInputs />
    </SimpleForm>
  </Create>
);

export default VolunteerCreate;
