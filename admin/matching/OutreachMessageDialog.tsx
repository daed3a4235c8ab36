import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import EmailIcon from '@mui/icons-material/Email';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useRef } from 'react';
import { Button, useNotify, useTranslate, type Identifier } from 'react-admin';
import { apiErrorMessage } from '../providers/api';
import { useOutreachMessage } from './api';

/**
 * The ready-made message asking a volunteer to help (no personal data of the resident), to
 * copy into any mail or chat tool, or to open in the mail program.
 */
export const OutreachMessageDialog = ({ assignmentId, onClose }: { assignmentId: Identifier; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const { data: message, error, isPending } = useOutreachMessage(assignmentId);
  const text = message ? `${message.subject}\n\n${message.body}` : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      notify('casework.outreach.copied', { type: 'info' });
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for Ctrl+C instead.
      bodyRef.current?.select();
      notify('casework.outreach.copy_by_hand', { type: 'warning' });
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="outreach-title">
      <DialogTitle id="outreach-title">{translate('casework.outreach.title')}</DialogTitle>
      <DialogContent>
        {error ? <Alert severity="error">{apiErrorMessage(error)}</Alert> : null}
        {isPending && translate('ra.page.loading')}
        {message && (
          <Stack sx={{ gap: 2, mt: 1 }}>
            <TextField
              label={translate('casework.outreach.to')}
              value={message.to ?? translate('casework.outreach.no_email')}
              size="small"
              slotProps={{ htmlInput: { readOnly: true } }}
            />
            <TextField
              label={translate('casework.outreach.subject')}
              value={message.subject}
              size="small"
              slotProps={{ htmlInput: { readOnly: true } }}
            />
            <TextField
              label={translate('casework.outreach.body')}
              value={message.body}
              multiline
              minRows={10}
              inputRef={bodyRef}
              slotProps={{ htmlInput: { readOnly: true } }}
            />
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button label="casework.outreach.copy" onClick={copy} disabled={!message}>
          <ContentCopyIcon />
        </Button>
        {message?.to && (
          <Button label="casework.outreach.open_mail" component="a" href={message.mailto}>
            <EmailIcon />
          </Button>
        )}
        <Button label="ra.action.close" onClick={onClose} variant="contained" />
      </DialogActions>
    </Dialog>
  );
};
