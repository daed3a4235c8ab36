import CancelIcon from '@mui/icons-material/Cancel';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import EmailIcon from '@mui/icons-material/Email';
import ReplayIcon from '@mui/icons-material/Replay';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { apiErrorMessage, postJson } from '../providers/api';

/** Retry (failed, cancelled), cancel (queued, held, failed), and for held messages copy and mailto. */
export const MessageActions = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  const act = async (action: 'retry' | 'cancel') => {
    try {
      await postJson(`/messages/${record.id}/${action}`);
      notify(`outbox.${action}_done`, { type: 'info' });
      refresh();
    } catch (err) {
      notify(apiErrorMessage(err), { type: 'error' });
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${record.subject}\n\n${record.body}`);
      notify('casework.outreach.copied', { type: 'info' });
    } catch {
      notify('casework.outreach.copy_by_hand', { type: 'warning' });
    }
  };
  const mailto = `mailto:${encodeURIComponent(record.address ?? '')}?subject=${encodeURIComponent(record.subject ?? '')}&body=${encodeURIComponent(record.body ?? '')}`;
  return (
    <>
      {record.status === 'held' && (
        <>
          <Button label="casework.outreach.copy" onClick={copy}>
            <ContentCopyIcon />
          </Button>
          {record.address && (
            <Button label="casework.outreach.open_mail" component="a" href={mailto}>
              <EmailIcon />
            </Button>
          )}
        </>
      )}
      {(record.status === 'failed' || record.status === 'cancelled') && (
        <Button label="outbox.retry" onClick={() => act('retry')}>
          <ReplayIcon />
        </Button>
      )}
      {['queued', 'held', 'failed'].includes(record.status) && (
        <Button label="outbox.cancel" onClick={() => act('cancel')}>
          <CancelIcon />
        </Button>
      )}
    </>
  );
};
