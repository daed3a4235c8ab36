import { Stack } from '@mui/material';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useRefresh, useUpdate, type RaRecord } from 'react-admin';
import { ASSIGNMENT_TRANSITIONS, type AssignmentStatus } from '../../server/domain/assignment-flow';
import type { RequestStatus } from '../../server/domain/enums';
import { apiErrorMessage } from '../providers/api';

/**
 * The moves a coordinator makes while the request is being matched; once it is confirmed,
 * only cancelling the confirmed volunteer (which sends the request back to matching).
 */
const movesFor = (status: AssignmentStatus, requestStatus: RequestStatus): AssignmentStatus[] => {
  if (status === 'confirmed') return requestStatus === 'confirmed' ? ['cancelled'] : [];
  if (requestStatus !== 'matching') return [];
  return ASSIGNMENT_TRANSITIONS[status].filter((to) => to !== 'cancelled');
};

export const AssignmentMoves = ({ request }: { request: RaRecord }) => {
  const assignment = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate();
  const [confirming, setConfirming] = useState(false);
  if (!assignment) return null;
  const move = (status: AssignmentStatus) =>
    update(
      'assignments',
      { id: assignment.id, data: { version: assignment.version, status }, previousData: assignment },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setConfirming(false);
          // Confirming or cancelling also moves the request: reload the whole page's data.
          refresh();
        },
        onError: (error) => {
          setConfirming(false);
          notify(apiErrorMessage(error), { type: 'error' });
        },
      },
    );
  const moves = movesFor(assignment.status as AssignmentStatus, request.status as RequestStatus);
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {moves.map((to) => (
        <Button
          key={to}
          label={`casework.assignments.moves.${to}`}
          size="small"
          variant={to === 'confirmed' ? 'contained' : 'outlined'}
          color={to === 'cancelled' || to === 'declined' ? 'error' : 'primary'}
          disabled={isPending}
          onClick={() => (to === 'cancelled' ? setConfirming(true) : move(to))}
        />
      ))}
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title="casework.assignments.cancel_title"
        content="casework.assignments.cancel_content"
        onConfirm={() => move('cancelled')}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
};
