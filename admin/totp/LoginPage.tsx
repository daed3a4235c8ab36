import { Alert, Box, Button, CardContent, CircularProgress, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { Login, useLocaleState, useLogin, useTranslate } from 'react-admin';
import type { Staff } from '../providers/authProvider';
import { apiErrorMessage } from '../providers/api';
import { CodeForm } from './CodeForm';
import { EnrolmentFlow } from './EnrolmentFlow';
import { needsSecondFactor, totpApi } from './api';

type Step = 'password' | 'code' | 'enrol';

const PasswordStep = ({ onAnswer }: { onAnswer: (step: Step | Staff) => void }) => {
  const translate = useTranslate();
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
 * gives a session, which is handed to react-admin through authProvider.login({ staff }).
 */
const LoginSteps = () => {
  const translate = useTranslate();
  const login = useLogin();
  const [step, setStep] = useState<Step>('password');
  const finish = (staff: Staff) => login({ staff });
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
  const translate = useTranslate();
  const [locale, setLocale] = useLocaleState();
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

const LoginPage = () => (
  <Login>
    <LoginHeader />
    <LoginSteps />
  </Login>
);

export default LoginPage;
