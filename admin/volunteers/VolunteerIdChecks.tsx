import { CreateButton, Datagrid, ReferenceField, ReferenceManyField, useRecordContext } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateField } from '../fields/TokyoDateField';

/** Every ID check of the volunteer, latest first, and a button to record a new one. */
export const VolunteerIdChecks = (_: { label: false }) => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <>
      <CreateButton
        resource="id-checks"
        label="resources.id-checks.actions.record"
        state={{ record: { volunteer_id: record.id } }}
        sx={{ alignSelf: 'flex-start' }}
      />
      <ReferenceManyField
        reference="id-checks"
        target="volunteer_id"
        sort={{ field: 'checked_on', order: 'DESC' }}
        perPage={50}
        empty="resources.volunteers.no_id_checks"
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TokyoDateField source="checked_on" />
          <EnumField source="method" enumName="id_check_method" />
          <EnumField source="document_type" enumName="id_document_type" />
          <EnumField source="result" enumName="id_check_result" />
          <TokyoDateField source="valid_until" />
          <ReferenceField source="checked_by" reference="staff" link={false} sortable={false} />
        </Datagrid>
      </ReferenceManyField>
    </>
  );
};
