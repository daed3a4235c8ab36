import { Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { RequestStatus } from '../../server/domain/enums';
import { isStepBack, MANUAL_TRANSITIONS, needsReason, VIA } from '../../server/domain/workflow';
import { apiErrorMessage, postJson, type ApiError } from '../providers/api';
import { ReasonDialog } from './ReasonDialog';

type Asking = { to: RequestStatus; message?: string; error?: string };

/**
 * The moves the workflow table allows from the request's status, one button each. Ending a
 * request early asks for the reason first; closing asks only when the server refuses (money
 * or a follow-up still open) and shows the server's own sentence.
 */
export const StatusActions = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'support-requests', action: 'edit' });
  const [asking, setAsking] = useState<Asking | null>(null);
  const move = useMutation({
    mutationFn: ({ to, reason }: { to: RequestStatus; reason?: string }) =>
      postJson(`/support-requests/${record?.id}/status`, reason ? { status: to, reason } : { status: to }),
    onSuccess: (_data, { to }) => {
      setAsking(null);
      notify('casework.requests.moved', { type: 'info', messageArgs: { status: translate(`enums.request_status.${to}`) } });
      refresh();
    },
    onError: (error: ApiError, { to, reason }) => {
      if (error.status === 409 && to === 'closed' && !reason) setAsking({ to, message: apiErrorMessage(error) });
      else if (error.body?.errors?.reason) setAsking({ to, error: error.body.errors.reason });
      else notify(apiErrorMessage(error), { type: 'error' });
    },
  });
  if (!record || !canAccess) return null;
  const from = record.status as RequestStatus;
  // The two-step shortcut (受付 → マッチング) first: it is the usual way forward.
  const shortcuts = Object.keys(VIA[from] ?? {}) as RequestStatus[];
  const moves = [...shortcuts, ...(MANUAL_TRANSITIONS[from] ?? [])];
  // Forward is the one primary button; a step back is a text button; ending early is outlined red.
  const look = (to: RequestStatus, index: number) =>
    needsReason(to)
      ? ({ variant: 'outlined', color: 'error' } as const)
      : isStepBack(from, to)
        ? ({ variant: 'text', color: 'primary' } as const)
        : ({ variant: index === 0 ? 'contained' : 'outlined', color: 'primary' } as const);
  return (
    <Stack direction="row" data-testid="status-actions" sx={{ gap: 1, flexWrap: 'wrap' }}>
      {moves.map((to, index) => (
        <Button
          key={to}
          label={`casework.requests.actions.${isStepBack(from, to) ? 'back_to_checking' : to}`}
          {...look(to, index)}
          disabled={move.isPending}
          onClick={() => (needsReason(to) ? setAsking({ to }) : move.mutate({ to }))}
        />
      ))}
      {asking && (
        <ReasonDialog
          title={translate('casework.requests.reason_for', { status: translate(`enums.request_status.${asking.to}`) })}
          message={asking.message}
          error={asking.error}
          pending={move.isPending}
          onConfirm={(reason) => move.mutate({ to: asking.to, reason })}
          onCancel={() => setAsking(null)}
        />
      )}
    </Stack>
  );
};
