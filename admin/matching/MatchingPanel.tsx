import { Alert, Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate, type RaRecord } from 'react-admin';
import { useRequestAssignments } from '../assignments/RequestAssignments';
import { apiErrorMessage } from '../providers/api';
import { CANDIDATES_STEP, useCandidates } from './api';
import { CandidateTable } from './CandidateTable';
import { EmptyExplanation } from './EmptyExplanation';

/** The most the server lists at once. */
const MAX_SHOWN = 500;

/** Who could take this request, best first, 20 at a time; when nobody, why not. */
const MatchingPanel = ({ request }: { request: RaRecord }) => {
  const translate = useTranslate();
  const [limit, setLimit] = useState(CANDIDATES_STEP);
  const { data, error, isPending, isPlaceholderData } = useCandidates(request.id, limit);
  const candidates = data?.rows;
  const total = data?.total ?? 0;
  // The server answers at most 500: past that, refining the request is the way.
  const more = Math.min(CANDIDATES_STEP, total - (candidates?.length ?? 0), MAX_SHOWN - limit);
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
          <>
            {total > candidates.length && (
              <Typography variant="body2" color="text.secondary" data-testid="candidates-shown">
                {translate('casework.matching.shown', {
                  shown: candidates.length.toLocaleString(),
                  total: total.toLocaleString(),
                })}
              </Typography>
            )}
            <CandidateTable candidates={candidates} request={request} assignments={assignments ?? []} />
            {more > 0 && (
              <Box sx={{ mt: 1 }}>
                <Button onClick={() => setLimit(limit + more)} disabled={isPlaceholderData} data-testid="candidates-more">
                  {translate('casework.matching.more', { count: more })}
                </Button>
              </Box>
            )}
          </>
        )}
        {candidates && candidates.length === 0 && <EmptyExplanation requestId={request.id} />}
      </CardContent>
    </Card>
  );
};

export default MatchingPanel;
