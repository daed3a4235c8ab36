import SendIcon from '@mui/icons-material/Send';
import { useState } from 'react';
import { Button, useNotify, useRefresh, type Identifier } from 'react-admin';
import { apiErrorMessage, postJson } from '../providers/api';

/** 「メールで依頼」: queues the offer with the volunteer's personal answer link. */
export const OfferButton = ({ assignmentId }: { assignmentId: Identifier }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const offer = async () => {
    setBusy(true);
    try {
      const message = await postJson<{ status: string }>(`/assignments/${assignmentId}/offer`);
      notify(message.status === 'held' ? 'outbox.offer_held' : 'outbox.offer_queued', { type: 'info' });
      refresh();
    } catch (err) {
      notify(apiErrorMessage(err), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="outbox.offer" size="small" onClick={offer} disabled={busy}>
      <SendIcon />
    </Button>
  );
};
