import FolderZipIcon from '@mui/icons-material/FolderZip';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, usePermissions, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { Role } from '../../server/domain/enums';
import { canAccess } from '../../server/domain/roles';
import { API_URL, withLanguage } from '../providers/dataProvider';

const REASON_MAX = 500;

type Failure = { message?: string; reason?: string };

/** Posts the request and saves the ZIP the server answers under the name it gives. */
async function download(resource: string, id: unknown, reason: string): Promise<string> {
  const res = await fetch(`${API_URL}/${resource}/${id}/disclosure`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: withLanguage({ 'Content-Type': 'application/json', Accept: 'application/zip, application/json' }),
    body: JSON.stringify({ reason }),
  });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw { status: res.status, body } as { status: number; body: { message?: string; errors?: Record<string, string> } };
  }
  const file = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'disclosure.zip';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file;
}

/**
 * 開示請求への回答: writes the package of everything held about this resident or volunteer (a
 * printable summary and CSVs in a ZIP). Admins only; the reason goes to the audit log.
 */
export const DisclosureButton = ({ resource }: { resource: 'clients' | 'volunteers' }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<Role>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const make = useMutation({
    mutationFn: () => download(resource, record?.id, reason.trim()),
    onSuccess: (file) => {
      setOpen(false);
      setReason('');
      notify('privacy.disclosure.done', { type: 'info', messageArgs: { file } });
    },
    onError: (e: { body?: { message?: string; errors?: Record<string, string> } }) =>
      setFailure(e.body?.errors?.reason ? { reason: e.body.errors.reason } : { message: e.body?.message ?? 'ra.notification.http_error' }),
  });
  if (!record || !canAccess(permissions, resource, 'disclose')) return null;
  const close = () => {
    if (make.isPending) return;
    setOpen(false);
    setFailure(null);
  };
  const trimmed = reason.trim();
  return (
    <>
      <Button label="privacy.disclosure.button" onClick={() => setOpen(true)}>
        <FolderZipIcon />
      </Button>
      {open && (
        <Dialog open onClose={close} fullWidth maxWidth="sm" aria-labelledby="disclosure-dialog-title">
          <DialogTitle id="disclosure-dialog-title">{translate('privacy.disclosure.title')}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate(`privacy.disclosure.contents_${resource}`)}
            </Typography>
            <Box component="ul" sx={{ mt: 0, pl: 3 }}>
              {['summary', 'csv', 'others', 'audited'].map((k) => (
                <Typography component="li" variant="body2" key={k}>
                  {translate(`privacy.disclosure.${k}`)}
                </Typography>
              ))}
            </Box>
            {failure?.message && (
              <Alert severity="warning" sx={{ mb: 2 }}>
                {translate(failure.message, { _: failure.message })}
              </Alert>
            )}
            <TextField
              autoFocus
              required
              fullWidth
              multiline
              minRows={2}
              label={translate('privacy.disclosure.reason')}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setFailure(null);
              }}
              error={!!failure?.reason}
              helperText={failure?.reason ?? translate('privacy.disclosure.reason_helper')}
              slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} disabled={make.isPending} />
            <Button
              label="privacy.disclosure.confirm"
              variant="contained"
              disabled={!trimmed || make.isPending}
              onClick={() => make.mutate()}
            />
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
