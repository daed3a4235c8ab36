import { Datagrid, List, NumberField, SelectInput, TextField } from 'react-admin';
import { choicesFor } from '../choices';
import { EnumField } from '../fields/EnumField';
import { TokyoDateTimeField } from '../fields/TokyoDateField';

const filters = [
  <SelectInput key="status" source="status" choices={choicesFor('message_status')} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choicesFor('message_kind')} />,
];

/** 送信箱: every message the service sends or holds, newest first. */
const MessageList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TokyoDateTimeField source="created_at" />
      <EnumField source="kind" enumName="message_kind" />
      <EnumField source="status" enumName="message_status" />
      <TextField source="address" sortable={false} />
      <TextField source="subject" sortable={false} />
      <NumberField source="attempts" sortable={false} />
      <TokyoDateTimeField source="sent_at" />
    </Datagrid>
  </List>
);

export default MessageList;
