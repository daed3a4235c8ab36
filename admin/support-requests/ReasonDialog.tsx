import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';

type Props = {
  title: string;
  /** Why a reason is asked for, when the server said so (e.g. money still outstanding). */
  message?: string;
  error?: string;
  pending?: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

/** Asks for the reason a colleague will read later on the timeline. */
export const ReasonDialog = ({ title, message, error, pending, onConfirm, onCancel }: Props) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth="sm" aria-labelledby="reason-dialog-title">
      <DialogTitle id="reason-dialog-title">{title}</DialogTitle>
      <DialogContent>
        {message && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {message}
          </Alert>
        )}
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={3}
          label={translate('casework.requests.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={!!error}
          helperText={error}
          sx={{ mt: 1 }}
        />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onCancel} />
        <Button
          label="ra.action.confirm"
          variant="contained"
          disabled={!reason.trim() || pending}
          onClick={() => onConfirm(reason.trim())}
        />
      </DialogActions>
    </Dialog>
  );
};
