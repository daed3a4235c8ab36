import LockIcon from '@mui/icons-material/Lock';
import {
  Alert,
  Avatar,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Staff } from '../providers/authProvider';
import { apiErrorMessage } from '../providers/json';
import { CodeForm } from './CodeForm';
import { EnrolmentFlow } from './EnrolmentFlow';
import { needsSecondFactor, totpApi } from './api';
import { useLoginKit } from './kit';

type Step = 'password' | 'code' | 'enrol';

const PasswordStep = ({ onAnswer }: { onAnswer: (step: Step | Staff) => void }) => {
  const { translate } = useLoginKit();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password || busy) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await totpApi.login(email.trim(), password);
      onAnswer(needsSecondFactor(answer) ? (answer.second_factor === 'totp' ? 'code' : 'enrol') : answer);
    } catch (e) {
      setError(apiErrorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={translate('ra.auth.username')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        autoComplete="username"
        autoFocus
        fullWidth
        margin="dense"
        required
      />
      <TextField
        label={translate('ra.auth.password')}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="current-password"
        fullWidth
        margin="dense"
        required
      />
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {translate(error, { _: error })}
        </Alert>
      )}
      <Button type="submit" variant="contained" fullWidth disabled={busy} sx={{ mt: 2 }}>
        {busy ? <CircularProgress size={19} thickness={3} /> : translate('ra.auth.sign_in')}
      </Button>
    </Box>
  );
};

/**
 * Sign-in in up to three steps: password; then the six-digit code (or a recovery code) when
 * the person has TOTP, or enrolment when they must have it and do not yet. Only the last step
 * gives a session, handed to `finish` (admin/Root.tsx then opens the console).
 */
const LoginSteps = ({ finish }: { finish: (staff: Staff) => Promise<void> }) => {
  const { translate } = useLoginKit();
  const [step, setStep] = useState<Step>('password');
  const back = (
    <Button onClick={() => setStep('password')} color="inherit">
      {translate('totp.back_to_login')}
    </Button>
  );
  return (
    <CardContent sx={{ width: step === 'enrol' ? 420 : 320, maxWidth: '90vw' }}>
      {step === 'password' && <PasswordStep onAnswer={(a) => (typeof a === 'string' ? setStep(a) : void finish(a))} />}
      {step === 'code' && (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('totp.login.code_explain')}
          </Typography>
          <CodeForm allowRecovery onSubmit={async (code) => void (await finish(await totpApi.loginCode(code)))} extra={back} />
        </>
      )}
      {step === 'enrol' && (
        <>
          <Typography variant="h6" component="h1" gutterBottom>
            {translate('totp.login.enrol_title')}
          </Typography>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('totp.login.enrol_explain')}
          </Alert>
          <EnrolmentFlow
            onDone={(confirmed) => (confirmed.staff ? void finish(confirmed.staff) : setStep('password'))}
            onCancel={() => setStep('password')}
          />
        </>
      )}
    </CardContent>
  );
};

/** The product's name and the language, before anyone signs in (a new colleague may not read Japanese). */
const LoginHeader = () => {
  const { translate, locale, setLocale } = useLoginKit();
  return (
    <Box sx={{ px: 2, pt: 2, textAlign: 'center' }}>
      <Typography variant="h6" component="h1">
        {translate('app.title')}
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={locale}
        onChange={(_, value: string | null) => value && setLocale(value)}
        aria-label={translate('app.language')}
        sx={{ mt: 1 }}
      >
        <ToggleButton value="ja" lang="ja">
          日本語
        </ToggleButton>
        <ToggleButton value="en" lang="en">
          English
        </ToggleButton>
      </ToggleButtonGroup>
    </Box>
  );
};

/**
 * The login page. It is shown before react-admin and the console's screens are loaded (they
 * come after the sign-in), so it uses MUI and the kit only, never react-admin.
 */
export const LoginPage = ({ onSignedIn }: { onSignedIn: (staff: Staff) => Promise<void> }) => (
  <Box
    sx={{
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'center',
      minHeight: '100vh',
      backgroundImage: 'radial-gradient(circle at 50% 14em, #313264 0%, #00023b 60%, #00023b 100%)',
    }}
  >
    <Card sx={{ minWidth: 300, mt: '6em', mb: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'center', m: 2, mb: 0 }}>
        <Avatar sx={{ bgcolor: 'secondary.main' }}>
          <LockIcon />
        </Avatar>
      </Box>
      <LoginHeader />
      <LoginSteps finish={onSignedIn} />
    </Card>
  </Box>
);
