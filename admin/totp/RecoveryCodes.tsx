import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useLoginKit } from './kit';

/** Clipboard API where the page is a secure context, else the old select-and-copy. */
const copyText = async (text: string): Promise<boolean> => {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the fallback
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
};

/** The ten recovery codes, shown once, with a copy button; `onDone` when the person has kept them. */
export const RecoveryCodes = ({ codes, onDone }: { codes: string[]; onDone: () => void }) => {
  const { translate, notify } = useLoginKit();
  const copy = async () => {
    const ok = await copyText(codes.join('\n'));
    notify(ok ? 'totp.recovery.copied' : 'totp.recovery.copy_failed', ok ? 'info' : 'warning');
  };
  return (
    <Box>
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('totp.recovery.title')}
      </Typography>
      <Alert severity="warning" sx={{ mb: 2 }}>
        {translate('totp.recovery.explain')}
      </Alert>
      <Box
        component="ol"
        aria-label={translate('totp.recovery.title')}
        data-testid="recovery-codes"
        sx={{ fontFamily: 'monospace', fontSize: '1.05rem', columnCount: 2, columnGap: 4, pl: 4, my: 2 }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Stack direction="row" spacing={2}>
        <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
          {translate('totp.recovery.copy')}
        </Button>
        <Button variant="contained" onClick={onDone}>
          {translate('totp.recovery.continue')}
        </Button>
      </Stack>
    </Box>
  );
};
