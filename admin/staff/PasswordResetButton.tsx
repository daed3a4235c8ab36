import PasswordIcon from '@mui/icons-material/Password';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useGetIdentity, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { apiErrorMessage, fieldErrors, putJson } from '../providers/api';

/**
 * On a staff member's edit page, for the roles the role table allows `set_password` (admins):
 * sets a new password for someone who forgot theirs. Their other sessions end (server side).
 * One's own password is changed with the current one, not here.
 */
export const PasswordResetButton = () => {
  const record = useRecordContext();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'staff', action: 'set_password' });
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canAccess || !record || record.id === identity?.id) return null;
  const close = () => {
    setOpen(false);
    setPassword('');
    setError(null);
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await putJson(`/staff/${record.id}/password`, { password });
      close();
      notify('staff_password.done', { type: 'success', messageArgs: { name: record.display_name } });
    } catch (e) {
      setError(fieldErrors(e)?.password ?? apiErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="staff_password.button" onClick={() => setOpen(true)}>
        <PasswordIcon />
      </Button>
      {open && (
        <Dialog open onClose={() => !busy && close()} maxWidth="sm" fullWidth aria-labelledby="password-reset-title">
          <DialogTitle id="password-reset-title">{translate('staff_password.title', { name: record.display_name })}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" sx={{ mb: 2 }}>
              {translate('staff_password.explain')}
            </Typography>
            <TextField
              label={translate('staff_password.new')}
              type="password"
              autoComplete="new-password"
              fullWidth
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={!!error}
              helperText={error ? translate(error, { _: error }) : translate('staff_password.hint')}
            />
            {error && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {translate(error, { _: error })}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} disabled={busy} />
            <Button label="staff_password.save" variant="contained" onClick={() => void save()} disabled={busy || password.length === 0} />
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
