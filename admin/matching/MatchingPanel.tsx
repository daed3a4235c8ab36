import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useTranslate, type RaRecord } from 'react-admin';
import { useRequestAssignments } from '../assignments/RequestAssignments';
import { apiErrorMessage } from '../providers/api';
import { useCandidates } from './api';
import { CandidateTable } from './CandidateTable';
import { EmptyExplanation } from './EmptyExplanation';

/** Who could take this request, best first; when nobody, why not. */
const MatchingPanel = ({ request }: { request: RaRecord }) => {
  const translate = useTranslate();
  const { data: candidates, error, isPending } = useCandidates(request.id);
  const { data: assignments } = useRequestAssignments(request.id);
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('casework.matching.title')}
        </Typography>
        {!request.start_at && (
          <Alert severity="info" sx={{ mb: 1 }}>
            {translate('casework.matching.no_time')}
          </Alert>
        )}
        {error ? <Alert severity="error">{apiErrorMessage(error)}</Alert> : null}
        {isPending && <Typography variant="body2">{translate('ra.page.loading')}</Typography>}
        {candidates && candidates.length > 0 && (
          <CandidateTable candidates={candidates} request={request} assignments={assignments ?? []} />
        )}
        {candidates && candidates.length === 0 && <EmptyExplanation requestId={request.id} />}
      </CardContent>
    </Card>
  );
};

export default MatchingPanel;
