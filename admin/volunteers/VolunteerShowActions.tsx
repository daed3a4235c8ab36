import { RecordHistoryButton } from '../audit-log/RecordHistoryButton';
import { EditButton, TopToolbar, useRecordContext } from 'react-admin';
import { DisclosureButton } from '../privacy/DisclosureButton';
import { VolunteerAnonymiseButton } from './VolunteerAnonymiseButton';

export const VolunteerShowActions = () => {
  const record = useRecordContext();
  return (
    <TopToolbar>
      {/* An anonymised volunteer is final: the server refuses any edit, so none is offered. */}
      {!record?.anonymised_at && <EditButton />}
      <RecordHistoryButton resource="volunteers" />
      <DisclosureButton resource="volunteers" />
      <VolunteerAnonymiseButton />
    </TopToolbar>
  );
};
