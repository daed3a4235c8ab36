import { Box, Stack } from '@mui/material';
import { lazy, Suspense } from 'react';
import { ShowBase, Title, useShowContext, useTranslate } from 'react-admin';
import type { RequestStatus } from '../../server/domain/enums';
import { RequestAssignments } from '../assignments/RequestAssignments';
import { RequestMessages } from '../messages/RequestMessages';
import { RequestFeedback } from '../messages/RequestFeedback';
import { AnswersSeen } from '../messages/AnswersSeen';
import { Timeline } from '../request-events/Timeline';
import { IntakePanel } from './IntakePanel';
import { RequestDetails } from './RequestDetails';
import { RequestHeader } from './RequestHeader';
import { RequestWarnings } from './TaskWarnings';

// Each stage's panel loads only when a request reaches that stage.
const MatchingPanel = lazy(() => import('../matching/MatchingPanel'));
const CompletionForm = lazy(() => import('../activity-reports/CompletionForm'));
const ActivityReportPanel = lazy(() => import('../activity-reports/ActivityReportPanel'));
const RequestExpenses = lazy(() => import('../expenses/RequestExpenses'));

const WITH_EXPENSES: readonly RequestStatus[] = ['confirmed', 'done', 'closed'];

const SupportRequestShowLayout = () => {
  const translate = useTranslate();
  const { record, isPending } = useShowContext();
  if (isPending || !record) return null;
  const status = record.status as RequestStatus;
  return (
    <Box
      sx={{
        mt: 2,
        mb: 4,
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 2fr) minmax(320px, 1fr)' },
        gap: 2,
        alignItems: 'start',
      }}
    >
      <Title title={translate('casework.requests.title', { no: record.request_no })} />
      <Stack sx={{ gap: 2, minWidth: 0 }}>
        <RequestHeader />
        <RequestWarnings />
        <IntakePanel />
        <RequestDetails />
        <Suspense fallback={null}>
          <RequestAssignments request={record} />
          {status === 'matching' && <MatchingPanel request={record} />}
          {status === 'confirmed' && <CompletionForm request={record} />}
          {(status === 'done' || status === 'closed') && <ActivityReportPanel request={record} />}
          {WITH_EXPENSES.includes(status) && <RequestExpenses request={record} />}
          <RequestMessages requestId={record.id} />
          <RequestFeedback requestId={record.id} />
          <AnswersSeen requestId={record.id} />
        </Suspense>
      </Stack>
      <Timeline requestId={record.id} />
    </Box>
  );
};

const SupportRequestShow = () => (
  <ShowBase>
    <SupportRequestShowLayout />
  </ShowBase>
);

export default SupportRequestShow;
