import PersonOffIcon from '@mui/icons-material/PersonOff';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, usePermissions, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { Role } from '../../server/domain/enums';
import { canAccess } from '../../server/domain/roles';
import { apiErrorMessage, postJson, type ApiError } from '../providers/api';

const REASON_MAX = 500;

const Items = ({ title, prefix, keys }: { title: string; prefix: string; keys: readonly string[] }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2">{translate(title)}</Typography>
      <Box component="ul" sx={{ mt: 0.5, mb: 0, pl: 3 }}>
        {keys.map((key) => (
          <Typography component="li" variant="body2" key={key}>
            {translate(`${prefix}.${key}`)}
          </Typography>
        ))}
      </Box>
    </Box>
  );
};

type Props = {
  /** 'clients' or 'volunteers': the URL, the role table's key. */
  resource: 'clients' | 'volunteers';
  /** The readable number shown in the dialog's title. */
  numberField: 'client_no' | 'volunteer_no';
  /** Where the dialog's texts are: `<messages>.button`, `.title`, `.erased.<key>`… */
  messages: string;
  erased: readonly string[];
  kept: readonly string[];
};

/**
 * 匿名化 of a resident or a volunteer: erases their personal data for good, keeping what the
 * reports count. Only the roles the role table allows (admins); the server refuses everyone
 * else with 403. The lists say, before the reason is typed, what goes and what stays.
 */
export const AnonymiseButton = ({ resource, numberField, messages, erased, kept }: Props) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Role>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  // The server's refusal (open requests, stale version) or its message for the reason field.
  const [failure, setFailure] = useState<{ message?: string; reason?: string } | null>(null);
  const anonymise = useMutation({
    mutationFn: () => postJson(`/${resource}/${record?.id}/anonymise`, { version: record?.version, reason: reason.trim() }),
    onSuccess: () => {
      setOpen(false);
      notify(`${messages}.done`, { type: 'info' });
      refresh();
    },
    onError: (e: ApiError) => setFailure(e.body?.errors?.reason ? { reason: e.body.errors.reason } : { message: apiErrorMessage(e) }),
  });
  if (!record || !canAccess(permissions, resource, 'anonymise') || record.anonymised_at) return null;
  const close = () => {
    if (anonymise.isPending) return;
    setOpen(false);
    setFailure(null);
  };
  const trimmed = reason.trim();
  return (
    <>
      <Button label={`${messages}.button`} color="error" onClick={() => setOpen(true)}>
        <PersonOffIcon />
      </Button>
      {open && (
        <Dialog open onClose={close} fullWidth maxWidth="sm" aria-labelledby={`${resource}-anonymise-dialog-title`}>
          <DialogTitle id={`${resource}-anonymise-dialog-title`}>
            {translate(`${messages}.title`)} ({record[numberField]} {record.name})
          </DialogTitle>
          <DialogContent>
            <Alert severity="error" sx={{ mb: 2 }}>
              {translate(`${messages}.irreversible`)}
            </Alert>
            <Items title={`${messages}.erased_title`} prefix={`${messages}.erased`} keys={erased} />
            <Items title={`${messages}.kept_title`} prefix={`${messages}.kept`} keys={kept} />
            <Typography variant="body2" sx={{ mb: 2 }}>
              {translate(`${messages}.open_requests`)}
            </Typography>
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
              label={translate(`${messages}.reason`)}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setFailure(null);
              }}
              error={!!failure?.reason}
              helperText={failure?.reason ?? translate(`${messages}.reason_helper`)}
              slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} disabled={anonymise.isPending} />
            <Button
              label={`${messages}.confirm`}
              variant="contained"
              color="error"
              disabled={!trimmed || trimmed.length > REASON_MAX || anonymise.isPending}
              onClick={() => anonymise.mutate()}
            />
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
