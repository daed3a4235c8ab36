import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import { EditButton, useRecordContext, useTranslate } from 'react-admin';
import { RecordHistoryButton } from '../audit-log/RecordHistoryButton';
import { RequestStatusField } from './RequestStatusField';
import { StatusActions } from './StatusActions';

/** The request's number and status, why it ended if it did, and what can be done next. */
export const RequestHeader = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card variant="outlined" data-testid="request-header">
      <CardContent>
        <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="h5" component="h1">
            {record.request_no}
          </Typography>
          <RequestStatusField />
          <Stack direction="row" sx={{ ml: 'auto' }}>
            <RecordHistoryButton resource="support-requests" />
            <EditButton />
          </Stack>
        </Stack>
        {record.status_reason && (
          <Alert severity="info" sx={{ mb: 1 }}>
            {translate('casework.requests.reason')}: {record.status_reason}
          </Alert>
        )}
        <StatusActions />
      </CardContent>
    </Card>
  );
};
