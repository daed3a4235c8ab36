import { Datagrid, List, ReferenceField, ReferenceInput, SelectInput, TextField } from 'react-admin';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { FollowUpActions } from './FollowUpActions';

export const OPEN_FOLLOW_UPS = { follow_up_open: true };

const filters = [
  <ReferenceInput
    key="follow_up_owner_id"
    source="follow_up_owner_id"
    reference="staff"
    sort={{ field: 'name_kana', order: 'ASC' }}
    alwaysOn
  >
    <SelectInput optionText="display_name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

/** Follow-ups nobody has handled yet, oldest first. */
const FollowUpList = () => (
  <List
    resource="activity-reports"
    storeKey="follow-ups"
    filter={OPEN_FOLLOW_UPS}
    filters={filters}
    sort={{ field: 'created_at', order: 'ASC' }}
    title="casework.follow_ups.title"
    actions={false}
    exporter={false}
  >
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <ReferenceField source="request_id" reference="support-requests" link="show" sortable={false} />
      <TextField source="follow_up_note" sx={{ whiteSpace: 'pre-wrap' }} sortable={false} />
      <ReferenceField source="follow_up_owner_id" reference="staff" link={false} sortable={false} />
      <TokyoDateTimeField source="created_at" label="casework.follow_ups.since" />
      <FollowUpActions />
    </Datagrid>
  </List>
);

export default FollowUpList;
