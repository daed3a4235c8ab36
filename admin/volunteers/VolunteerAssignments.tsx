import { Datagrid, Pagination, ReferenceField, ReferenceManyField, useResourceDefinition } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateTimeField } from '../fields/TokyoDateField';

/** The volunteer's assignments, latest first; rows open the assignment when that screen exists. */
export const VolunteerAssignments = (_: { label: false }) => {
  const assignments = useResourceDefinition({ resource: 'assignments' });
  const rowClick = assignments.hasShow ? 'show' : assignments.hasEdit ? 'edit' : false;
  return (
    <ReferenceManyField
      reference="assignments"
      target="volunteer_id"
      sort={{ field: 'start_at', order: 'DESC' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 25]} />}
      empty="resources.volunteers.no_assignments"
    >
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        <ReferenceField source="request_id" reference="support-requests" />
        <EnumField source="status" enumName="assignment_status" />
        <TokyoDateTimeField source="start_at" />
        <TokyoDateTimeField source="end_at" />
      </Datagrid>
    </ReferenceManyField>
  );
};
