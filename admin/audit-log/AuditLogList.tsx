import { AutocompleteInput, Datagrid, List, ReferenceField, ReferenceInput, SelectInput, TextField, TextInput } from 'react-admin';
import { choicesFor } from '../choices';
import { EnumField } from '../fields/EnumField';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { ListActions } from '../layout/ListActions';
import { AuditFieldsField, AuditRecordField, AuditResourceField, auditResourceKey } from './AuditFields';
import { DateInput } from '../fields/DateInputs';

/** What the log records entries about (server: every audit() call's resource). */
const AUDITED = [
  'clients',
  'volunteers',
  'id-checks',
  'support-requests',
  'assignments',
  'activity-reports',
  'expenses',
  'partners',
  'staff',
  'settings',
  'auth',
  'sessions',
  'totp',
  'imports',
  'reports/monthly',
  'reports/fiscal-year',
];
const CONSOLE_RESOURCES = new Set([
  'clients',
  'volunteers',
  'id-checks',
  'support-requests',
  'assignments',
  'activity-reports',
  'expenses',
  'partners',
  'staff',
]);
const resourceChoices = AUDITED.map((r) => ({ id: r, name: CONSOLE_RESOURCES.has(r) ? `resources.${r}.name` : auditResourceKey(r) }));

const filters = [
  <ReferenceInput key="staff_id" source="staff_id" reference="staff" sort={{ field: 'name_kana', order: 'ASC' }} alwaysOn>
    <AutocompleteInput optionText="display_name" label="resources.audit-log.fields.staff_id" sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <SelectInput key="action" source="action" choices={choicesFor('audit_action')} alwaysOn />,
  <TextInput key="record_no" source="record_no" alwaysOn />,
  <SelectInput key="resource" source="resource" choices={resourceChoices} translateChoice />,
  <DateInput key="at_gte" source="at_gte" keepUntilComplete />,
  <DateInput key="at_lte" source="at_lte" keepUntilComplete />,
];

const nowrap = { whiteSpace: 'nowrap' } as const;

const AuditLogList = () => (
  <List actions={<ListActions />} filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
    <Datagrid bulkActionButtons={false} rowClick={false} sx={{ '& .RaDatagrid-headerCell': nowrap }}>
      <TokyoDateTimeField source="at" sx={nowrap} />
      <ReferenceField source="staff_id" reference="staff" sortable={false} link={false}>
        <TextField source="display_name" sx={nowrap} />
      </ReferenceField>
      <EnumField source="action" enumName="audit_action" sx={nowrap} />
      <AuditResourceField source="resource" label="resources.audit-log.fields.resource" />
      <AuditRecordField source="record_label" label="resources.audit-log.fields.record_label" sortable={false} />
      <AuditFieldsField source="changed_fields" label="resources.audit-log.fields.changed_fields" sortable={false} />
    </Datagrid>
  </List>
);

export default AuditLogList;
