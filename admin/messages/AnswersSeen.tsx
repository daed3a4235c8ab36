import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type Identifier, useCanAccess } from 'react-admin';
import { postJson } from '../providers/api';

/**
 * Opening a request shows its volunteers' answers (on its assignments and timeline), so they
 * count as seen: the badge on 「手配状況」 goes out. Renders nothing.
 */
export const AnswersSeen = ({ requestId }: { requestId: Identifier }) => {
  const { canAccess } = useCanAccess({ resource: 'support-requests', action: 'edit' });
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!canAccess) return;
    postJson<{ seen: number }>(`/support-requests/${requestId}/answers-seen`)
      .then(({ seen }) => {
        if (seen) void queryClient.invalidateQueries({ queryKey: ['assignments'] });
      })
      .catch(() => undefined);
  }, [canAccess, requestId, queryClient]);
  return null;
};
