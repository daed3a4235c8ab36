import MailIcon from '@mui/icons-material/ForwardToInbox';
import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  CanAccess,
  RecordContextProvider,
  ReferenceField,
  TextField,
  useGetList,
  useTranslate,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import { OPEN_ASSIGNMENT, type AssignmentStatus } from '../../server/domain/assignment-flow';
import { OutreachMessageDialog } from '../matching/OutreachMessageDialog';
import { OfferButton } from '../messages/OfferButton';
import { TimeRangeField } from '../fields/TimeRangeField';
import { AssignmentMoves } from './AssignmentMoves';
import { AssignmentStatusField } from './AssignmentStatusField';

const OLDEST_FIRST = { field: 'id', order: 'ASC' } as const;
/** The server sends offers while the volunteer has not said yes (see server/messages/offer.ts). */
const OFFERABLE = ['proposed', 'contacted', 'declined'];

export const useRequestAssignments = (requestId: Identifier) =>
  useGetList('assignments', { filter: { request_id: requestId }, sort: OLDEST_FIRST, pagination: { page: 1, perPage: 100 } });

/** The volunteers lined up for one request, each with the moves its state allows. */
export const RequestAssignments = ({ request }: { request: RaRecord }) => {
  const translate = useTranslate();
  const { data: assignments } = useRequestAssignments(request.id);
  const [messageFor, setMessageFor] = useState<Identifier | null>(null);
  if (!assignments?.length) return null;
  const f = (source: string) => translate(`resources.assignments.fields.${source}`);
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('casework.assignments.of_request')}
        </Typography>
        <Table size="small" data-testid="request-assignments">
          <TableHead>
            <TableRow>
              <TableCell>{f('volunteer_id')}</TableCell>
              <TableCell>{f('status')}</TableCell>
              <TableCell>{f('start_at')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {assignments.map((assignment) => (
              <RecordContextProvider key={assignment.id} value={assignment}>
                <TableRow data-testid="assignment-row">
                  <TableCell>
                    <ReferenceField source="volunteer_id" reference="volunteers" link="show">
                      <TextField source="volunteer_no" /> <TextField source="name" />
                    </ReferenceField>
                  </TableCell>
                  <TableCell>
                    <AssignmentStatusField />
                  </TableCell>
                  <TableCell>
                    {/* Without its own time the assignment is for the request's time. */}
                    <RecordContextProvider value={assignment.start_at ? assignment : request}>
                      <TimeRangeField />
                    </RecordContextProvider>
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <AssignmentMoves request={request} />
                    {OPEN_ASSIGNMENT.includes(assignment.status as AssignmentStatus) && (
                      <Button label="casework.outreach.open" size="small" onClick={() => setMessageFor(assignment.id)}>
                        <MailIcon />
                      </Button>
                    )}
                    {OFFERABLE.includes(assignment.status) && request.status === 'matching' && (
                      <CanAccess resource="assignments" action="edit">
                        <OfferButton assignmentId={assignment.id} />
                      </CanAccess>
                    )}
                  </TableCell>
                </TableRow>
              </RecordContextProvider>
            ))}
          </TableBody>
        </Table>
        {messageFor != null && <OutreachMessageDialog assignmentId={messageFor} onClose={() => setMessageFor(null)} />}
      </CardContent>
    </Card>
  );
};
