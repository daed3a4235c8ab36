import { Card, CardContent, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { AccessDenied, Form, Loading, SaveButton, Title, Toolbar, useCanAccess, useTranslate } from 'react-admin';
import { putJson } from '../providers/api';
import { useApiSubmit } from '../providers/useApiSubmit';
import { SETTINGS_QUERY_KEY, useSettings, type Settings } from '../providers/useSettings';
import { SettingsInputs } from './SettingsInputs';

/** Admins change the service rules here; PUT carries the version read, so two admins never overwrite each other. */
const SettingsPage = () => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { canAccess, isPending: checking } = useCanAccess({ resource: 'settings', action: 'edit' });
  const { data: settings, refetch } = useSettings();
  const save = useApiSubmit(
    async (values: Record<string, unknown>) => {
      queryClient.setQueryData(SETTINGS_QUERY_KEY, await putJson<Settings>('/settings', values));
    },
    {
      success: 'ra.notification.updated',
      successArgs: { smart_count: 1 },
      // Someone else saved first: show their values; the notification says why.
      onFailure: (error) => {
        if (error.status === 409) void refetch();
      },
    },
  );
  if (checking) return <Loading />;
  if (!canAccess) return <AccessDenied />;
  if (!settings) return <Loading />;
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title="resources.settings.name" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('resources.settings.name', { smart_count: 1 })}
        </Typography>
        <Form record={settings} onSubmit={save} resource="settings" key={settings.version}>
          <SettingsInputs />
          <Toolbar>
            <SaveButton />
          </Toolbar>
        </Form>
      </CardContent>
    </Card>
  );
};

export default SettingsPage;
