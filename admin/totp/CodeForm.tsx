import { Alert, Box, Button, CircularProgress, Stack, TextField } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { apiErrorMessage, type ApiError } from '../providers/json';
import { useLoginKit } from './kit';

/** The server's field message for the code, or its sentence; translated when it is a key. */
export const codeError = (error: unknown): string => (error as ApiError)?.body?.errors?.code ?? apiErrorMessage(error);

/**
 * One code field and its button. Six digits from the app or, with `allowRecovery`, a recovery
 * code; the server judges either, so the field only trims.
 */
export const CodeForm = ({
  onSubmit,
  allowRecovery = false,
  submitLabel = 'totp.verify',
  extra,
}: {
  onSubmit: (code: string) => Promise<void>;
  allowRecovery?: boolean;
  submitLabel?: string;
  extra?: ReactNode;
}) => {
  const { translate } = useLoginKit();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!code.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(code.trim());
    } catch (e) {
      setError(codeError(e));
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate sx={{ mt: 1 }}>
      <TextField
        label={translate(allowRecovery ? 'totp.code_or_recovery' : 'totp.code')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoFocus
        fullWidth
        autoComplete="one-time-code"
        helperText={allowRecovery ? translate('totp.code_hint') : undefined}
        error={!!error}
        slotProps={{ htmlInput: { inputMode: allowRecovery ? 'text' : 'numeric', maxLength: 40, spellCheck: false } }}
      />
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {translate(error, { _: error })}
        </Alert>
      )}
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <Button type="submit" variant="contained" disabled={busy || !code.trim()}>
          {busy ? <CircularProgress size={19} thickness={3} /> : translate(submitLabel)}
        </Button>
        {extra}
      </Stack>
    </Box>
  );
};
