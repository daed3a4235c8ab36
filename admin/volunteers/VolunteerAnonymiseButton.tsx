import PersonOffIcon from '@mui/icons-material/PersonOff';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, usePermissions, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { Role } from '../../server/domain/enums';
import { canAccess } from '../../server/domain/roles';
import { apiErrorMessage, postJson, type ApiError } from '../providers/api';

const ERASED = ['volunteer', 'records'] as const;
const KEPT = ['volunteer', 'records'] as const;
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

/**
 * 匿名化 of a volunteer: erases their personal data for good (server/volunteers/anonymise.ts),
 * keeping what the reports count. Only the roles the role table allows (admins); the server
 * refuses everyone else with 403.
 */
export const VolunteerAnonymiseButton = () => {
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
    mutationFn: () => postJson(`/volunteers/${record?.id}/anonymise`, { version: record?.version, reason: reason.trim() }),
    onSuccess: () => {
      setOpen(false);
      notify('privacy.volunteer_anonymise.done', { type: 'info' });
      refresh();
    },
    onError: (e: ApiError) => setFailure(e.body?.errors?.reason ? { reason: e.body.errors.reason } : { message: apiErrorMessage(e) }),
  });
  if (!record || !canAccess(permissions, 'volunteers', 'anonymise') || record.anonymised_at) return null;
  const close = () => {
    if (anonymise.isPending) return;
    setOpen(false);
    setFailure(null);
  };
  const trimmed = reason.trim();
  return (
    <>
      <Button label="privacy.volunteer_anonymise.button" color="error" onClick={() => setOpen(true)}>
        <PersonOffIcon />
      </Button>
      {open && (
        <Dialog open onClose={close} fullWidth maxWidth="sm" aria-labelledby="volunteer-anonymise-dialog-title">
          <DialogTitle id="volunteer-anonymise-dialog-title">
            {translate('privacy.volunteer_anonymise.title')} ({record.volunteer_no} {record.name})
          </DialogTitle>
          <DialogContent>
            <Alert severity="error" sx={{ mb: 2 }}>
              {translate('privacy.volunteer_anonymise.irreversible')}
            </Alert>
            <Items title="privacy.volunteer_anonymise.erased_title" prefix="privacy.volunteer_anonymise.erased" keys={ERASED} />
            <Items title="privacy.volunteer_anonymise.kept_title" prefix="privacy.volunteer_anonymise.kept" keys={KEPT} />
            <Typography variant="body2" sx={{ mb: 2 }}>
              {translate('privacy.volunteer_anonymise.open_requests')}
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
              label={translate('privacy.volunteer_anonymise.reason')}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setFailure(null);
              }}
              error={!!failure?.reason}
              helperText={failure?.reason ?? translate('privacy.volunteer_anonymise.reason_helper')}
              slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} disabled={anonymise.isPending} />
            <Button
              label="privacy.volunteer_anonymise.confirm"
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
