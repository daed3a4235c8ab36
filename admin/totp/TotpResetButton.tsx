import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../providers/api';
import { totpApi } from './api';

/**
 * On a staff member's edit page, for the roles the role table allows `reset_totp` (admins):
 * removes their TOTP when they lost their phone. Not offered on one's own record: that is done
 * on the 二段階認証 page.
 */
export const TotpResetButton = () => {
  const record = useRecordContext();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'staff', action: 'reset_totp' });
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canAccess || !record?.totp_enabled || record.id === identity?.id) return null;
  const reset = async () => {
    setBusy(true);
    setError(null);
    try {
      await totpApi.reset(record.id);
      setOpen(false);
      notify('totp.reset.done', { type: 'info' });
      refresh();
    } catch (e) {
      setError(apiErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="totp.reset.button" color="warning" onClick={() => setOpen(true)}>
        <LockResetIcon />
      </Button>
      {open && (
        <Dialog open onClose={() => !busy && setOpen(false)} maxWidth="sm" fullWidth aria-labelledby="totp-reset-title">
          <DialogTitle id="totp-reset-title">{translate('totp.reset.title', { name: record.display_name })}</DialogTitle>
          <DialogContent>
            <Typography variant="body2">{translate('totp.reset.explain')}</Typography>
            {error && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {translate(error, { _: error })}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button label="totp.cancel" onClick={() => setOpen(false)} disabled={busy} />
            <Button label="totp.reset.confirm" color="warning" variant="contained" onClick={() => void reset()} disabled={busy} />
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
