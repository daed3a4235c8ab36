import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import {
  BooleanField,
  Labeled,
  RecordContextProvider,
  ReferenceField,
  ResourceContextProvider,
  TextField,
  useGetList,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { FollowUpActions } from '../follow-ups/FollowUpActions';
import { TimeRangeField } from '../fields/TimeRangeField';

/** The filed report of a done or closed request, with its follow-up if one is still open. */
const ActivityReportPanel = ({ request }: { request: RaRecord }) => {
  const translate = useTranslate();
  const { data } = useGetList('activity-reports', { filter: { request_id: request.id }, pagination: { page: 1, perPage: 1 } });
  const report = data?.[0];
  if (!report) return null;
  return (
    <ResourceContextProvider value="activity-reports">
      <RecordContextProvider value={report}>
        <Card variant="outlined" data-testid="activity-report">
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('resources.activity-reports.name', { smart_count: 1 })}
            </Typography>
            {report.outside_service_rules && (
              <Alert severity="info" sx={{ mb: 1 }}>
                {translate('casework.completion.was_outside_rules')}
              </Alert>
            )}
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' }, gap: 1 }}>
              <Labeled source="actual_start_at">
                <TimeRangeField startSource="actual_start_at" endSource="actual_end_at" />
              </Labeled>
              <Labeled source="outcome">
                <EnumField source="outcome" enumName="outcome" />
              </Labeled>
              <Labeled source="follow_up_needed">
                <BooleanField source="follow_up_needed" />
              </Labeled>
              <Box sx={{ gridColumn: '1 / -1' }}>
                <Labeled source="summary">
                  <TextField source="summary" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                </Labeled>
              </Box>
              {report.follow_up_needed && (
                <>
                  <Labeled source="follow_up_note">
                    <TextField source="follow_up_note" sx={{ whiteSpace: 'pre-wrap' }} />
                  </Labeled>
                  <Labeled source="follow_up_owner_id">
                    <ReferenceField source="follow_up_owner_id" reference="staff" link={false} emptyText="—" />
                  </Labeled>
                  <Labeled source="follow_up_handled_at">
                    <TokyoDateTimeField source="follow_up_handled_at" emptyText={translate('casework.follow_ups.open')} />
                  </Labeled>
                </>
              )}
            </Box>
            <FollowUpActions />
          </CardContent>
        </Card>
      </RecordContextProvider>
    </ResourceContextProvider>
  );
};

export default ActivityReportPanel;
