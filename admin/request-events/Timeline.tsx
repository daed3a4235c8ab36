import { Box, Card, CardContent, Typography } from '@mui/material';
import { CanAccess, useGetList, useTranslate, type Identifier } from 'react-admin';
import { ContactLogForm } from './ContactLogForm';
import { TimelineEntry } from './TimelineEntry';

const NEWEST_FIRST = { field: 'at', order: 'DESC' } as const;
const PAGE = { page: 1, perPage: 500 };

/** Everything that happened to a request, newest first, so any coordinator can pick it up. */
export const Timeline = ({ requestId }: { requestId: Identifier }) => {
  const translate = useTranslate();
  const { data: events, isPending } = useGetList('request-events', {
    filter: { request_id: requestId },
    sort: NEWEST_FIRST,
    pagination: PAGE,
  });
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('resources.request-events.name', { smart_count: 2 })}
        </Typography>
        <CanAccess resource="request-events" action="create">
          <ContactLogForm requestId={requestId} />
        </CanAccess>
        <Box data-testid="timeline" sx={{ mt: 1 }}>
          {isPending ? (
            <Typography variant="body2">{translate('ra.page.loading')}</Typography>
          ) : (
            events?.map((event) => <TimelineEntry key={event.id} event={event} />)
          )}
        </Box>
      </CardContent>
    </Card>
  );
};
