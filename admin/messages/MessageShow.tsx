import { Box, Typography } from '@mui/material';
import { NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { MessageActions } from './MessageActions';

const Body = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {translate('resources.messages.fields.body')}
      </Typography>
      <Box component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1 }}>
        {record.body}
      </Box>
    </Box>
  );
};

const MessageShow = () => (
  <Show
    actions={
      <TopToolbar>
        <MessageActions />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <EnumField source="kind" enumName="message_kind" />
      <EnumField source="status" enumName="message_status" />
      <TextField source="address" emptyText="—" />
      <ReferenceField source="request_id" reference="support-requests" link="show" emptyText="—" />
      <TextField source="subject" />
      <Body />
      <NumberField source="attempts" />
      <TextField source="last_error" emptyText="—" />
      <TokyoDateTimeField source="created_at" />
      <TokyoDateTimeField source="sent_at" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

export default MessageShow;
