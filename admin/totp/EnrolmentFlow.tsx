import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { CodeForm, codeError } from './CodeForm';
import { totpApi, type Confirmed, type Enrolment } from './api';
import { RecoveryCodes } from './RecoveryCodes';
import { useLoginKit } from './kit';

/** The key in groups of four, as authenticator apps show keys typed by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Enrolment: a new key from the server (QR code and text), confirmed by the app's first code,
 * then the recovery codes shown once. With `currentCodeNeeded` (TOTP already on) a code of the
 * current key is asked first. Used on the login page and on the 二段階認証 page.
 */
export const EnrolmentFlow = ({
  currentCodeNeeded = false,
  onDone,
  onCancel,
}: {
  currentCodeNeeded?: boolean;
  /** After the recovery codes were acknowledged; `confirmed.staff` when the login completed. */
  onDone: (confirmed: Confirmed) => void;
  onCancel?: () => void;
}) => {
  const { translate } = useLoginKit();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async (code?: string) => {
    setError(null);
    setEnrolment(await totpApi.startEnrolment(code));
  };

  if (confirmed) return <RecoveryCodes codes={confirmed.recovery_codes} onDone={() => onDone(confirmed)} />;

  const cancel = onCancel && (
    <Button onClick={onCancel} color="inherit">
      {translate('totp.cancel')}
    </Button>
  );

  if (!enrolment) {
    if (currentCodeNeeded) {
      return (
        <Box>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('totp.enrol.redo_explain')}
          </Typography>
          <CodeForm allowRecovery onSubmit={start} submitLabel="totp.enrol.start" extra={cancel} />
        </Box>
      );
    }
    const begin = async () => {
      setBusy(true);
      try {
        await start();
      } catch (e) {
        setError(codeError(e));
      } finally {
        setBusy(false);
      }
    };
    return (
      <Box>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {translate(error, { _: error })}
          </Alert>
        )}
        <Stack direction="row" spacing={2}>
          <Button variant="contained" onClick={() => void begin()} disabled={busy}>
            {translate('totp.enrol.start')}
          </Button>
          {cancel}
        </Stack>
      </Box>
    );
  }

  return (
    <Box>
      <Typography variant="body2">{translate('totp.enrol.scan')}</Typography>
      <Box sx={{ my: 1, display: 'flex', justifyContent: 'center' }}>
        <img src={enrolment.qr_code} alt={translate('totp.enrol.qr_alt')} width={220} height={220} />
      </Box>
      <Typography variant="body2" color="text.secondary">
        {translate('totp.enrol.manual')}
      </Typography>
      <Typography
        component="p"
        aria-label={translate('totp.enrol.key')}
        data-testid="totp-key"
        sx={{ fontFamily: 'monospace', fontSize: '1.1rem', letterSpacing: 1, my: 1, userSelect: 'all', wordBreak: 'break-all' }}
      >
        {grouped(enrolment.secret)}
      </Typography>
      <Typography variant="body2" sx={{ mt: 2 }}>
        {translate('totp.enrol.confirm')}
      </Typography>
      <CodeForm onSubmit={async (code) => setConfirmed(await totpApi.confirmEnrolment(code))} extra={cancel} />
    </Box>
  );
};
