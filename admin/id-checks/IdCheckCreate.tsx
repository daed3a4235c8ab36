import { Create, SimpleForm, type RaRecord } from 'react-admin';
import { tokyoDate } from '../../server/domain/time';
import { IdCheckInputs } from './IdCheckInputs';

// Back to the volunteer's ID checks, where the new check now sits.
const afterCreate = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  data?.volunteer_id ? `volunteers/${data.volunteer_id}/show/id-checks` : 'show';

const IdCheckCreate = () => (
  <Create redirect={afterCreate}>
    <SimpleForm defaultValues={() => ({ checked_on: tokyoDate(new Date()), method: 'in_person', result: 'passed' })}>
      <IdCheckInputs />
    </SimpleForm>
  </Create>
);

export default IdCheckCreate;
