import { Alert, Box, Button, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { CodeForm } from './CodeForm';
import { EnrolmentFlow } from './EnrolmentFlow';
import { RecoveryCodes } from './RecoveryCodes';
import { ReactAdminKit } from './ReactAdminKit';
import { totpApi } from './api';

export const TOTP_STATUS_KEY = ['totp-status'] as const;

type Mode = 'view' | 'enrol' | 'regenerate' | 'disable' | 'codes';

/** 二段階認証: one's own TOTP — set up, set up again on a new phone, new recovery codes, turn off. */
const TotpPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const queryClient = useQueryClient();
  const { data: status, refetch } = useQuery({ queryKey: TOTP_STATUS_KEY, queryFn: totpApi.status });
  const [mode, setMode] = useState<Mode>('view');
  const [codes, setCodes] = useState<string[]>([]);
  if (!status) return <Loading />;

  const done = (message: string) => {
    notify(message, { type: 'info' });
    setMode('view');
    void refetch();
    // The staff list shows who has TOTP on.
    void queryClient.invalidateQueries({ queryKey: ['staff'] });
  };
  const cancel = (
    <Button onClick={() => setMode('view')} color="inherit">
      {translate('totp.cancel')}
    </Button>
  );
  const enabledOn = status.enabled_at
    ? new Date(status.enabled_at).toLocaleDateString(locale === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long' })
    : '';

  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title="totp.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('totp.title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('totp.intro')}
        </Typography>
        <Alert severity={status.enabled ? 'success' : status.required ? 'warning' : 'info'} sx={{ mb: 1 }}>
          {status.enabled ? translate('totp.status_on', { date: enabledOn }) : translate('totp.status_off')}{' '}
          {translate(status.required ? 'totp.required' : 'totp.optional')}
        </Alert>
        {status.enabled && (
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('totp.recovery_remaining', { count: status.recovery_codes_remaining })}
          </Typography>
        )}
        <Divider sx={{ my: 2 }} />

        {/* Not set up: the enrolment's own start button is the page's action. */}
        {!status.enabled && <EnrolmentFlow key={String(status.enabled_at)} onDone={() => done('totp.enrol.done')} />}

        {status.enabled && mode === 'view' && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Button variant="contained" onClick={() => setMode('enrol')}>
              {translate('totp.enrol.redo')}
            </Button>
            <Button variant="outlined" onClick={() => setMode('regenerate')}>
              {translate('totp.recovery.regenerate')}
            </Button>
            {!status.required && (
              <Button variant="outlined" color="error" onClick={() => setMode('disable')}>
                {translate('totp.disable.button')}
              </Button>
            )}
          </Stack>
        )}

        {status.enabled && mode === 'enrol' && (
          <EnrolmentFlow currentCodeNeeded onDone={() => done('totp.enrol.done')} onCancel={() => setMode('view')} />
        )}

        {mode === 'regenerate' && (
          <Box>
            <Typography variant="body2">{translate('totp.recovery.regenerate_explain')}</Typography>
            <CodeForm
              allowRecovery
              extra={cancel}
              onSubmit={async (code) => {
                setCodes((await totpApi.regenerateRecoveryCodes(code)).recovery_codes);
                setMode('codes');
                void refetch();
              }}
            />
          </Box>
        )}

        {mode === 'codes' && <RecoveryCodes codes={codes} onDone={() => done('totp.recovery.regenerated')} />}

        {mode === 'disable' && (
          <Box>
            <Typography variant="body2">{translate('totp.disable.explain')}</Typography>
            <CodeForm
              allowRecovery
              submitLabel="totp.disable.button"
              extra={cancel}
              onSubmit={async (code) => {
                await totpApi.disable(code);
                done('totp.disable.done');
              }}
            />
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

const TotpPageInConsole = () => (
  <ReactAdminKit>
    <TotpPage />
  </ReactAdminKit>
);

export default TotpPageInConsole;
