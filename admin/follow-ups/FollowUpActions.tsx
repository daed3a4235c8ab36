import { Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { apiErrorMessage, postJson } from '../providers/api';

/** Close a follow-up with a note, or turn it into a new request for the same resident. */
export const FollowUpActions = () => {
  const report = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const [noting, setNoting] = useState(false);
  const [note, setNote] = useState('');
  const onError = (error: unknown) => notify(apiErrorMessage(error), { type: 'error' });
  const handled = useMutation({
    mutationFn: () => postJson(`/activity-reports/${report?.id}/follow-up/handled`, note.trim() ? { note: note.trim() } : {}),
    onSuccess: () => {
      setNoting(false);
      notify('casework.follow_ups.handled_done', { type: 'info' });
      refresh();
    },
    onError,
  });
  const newRequest = useMutation({
    mutationFn: () => postJson<RaRecord>(`/activity-reports/${report?.id}/follow-up/new-request`),
    onSuccess: (created) => {
      notify('casework.follow_ups.new_request_done', { type: 'info', messageArgs: { no: created.request_no } });
      redirect('show', 'support-requests', created.id);
    },
    onError,
  });
  if (!report?.follow_up_needed || report.follow_up_handled_at) return null;
  return (
    <Stack direction="row" sx={{ gap: 1, justifyContent: 'flex-end' }}>
      <Button label="casework.follow_ups.handled" variant="outlined" size="small" onClick={() => setNoting(true)} />
      <Button label="casework.follow_ups.new_request" size="small" disabled={newRequest.isPending} onClick={() => newRequest.mutate()} />
      {noting && (
        <Dialog open onClose={() => setNoting(false)} fullWidth maxWidth="sm" aria-labelledby="handled-title">
          <DialogTitle id="handled-title">{translate('casework.follow_ups.handled_title')}</DialogTitle>
          <DialogContent>
            <TextField
              autoFocus
              fullWidth
              multiline
              minRows={3}
              label={translate('casework.follow_ups.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              sx={{ mt: 1 }}
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setNoting(false)} />
            <Button label="casework.follow_ups.handled" variant="contained" disabled={handled.isPending} onClick={() => handled.mutate()} />
          </DialogActions>
        </Dialog>
      )}
    </Stack>
  );
};
