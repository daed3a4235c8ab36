import { Card, CardContent, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { AccessDenied, Form, Loading, SaveButton, Title, Toolbar, useCanAccess, useNotify, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../providers/dataProvider';
import { apiErrorMessage, type ApiError } from '../providers/api';
import { SettingsInputs } from './SettingsInputs';
import { SETTINGS_QUERY_KEY, useSettings, type Settings } from './useSettings';

/** Admins change the service rules here; PUT carries the version read, so two admins never overwrite each other. */
const SettingsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { canAccess, isPending: checking } = useCanAccess({ resource: 'settings', action: 'edit' });
  const { data: settings, refetch } = useSettings();
  if (checking) return <Loading />;
  if (!canAccess) return <AccessDenied />;
  if (!settings) return <Loading />;
  const save = async (values: Record<string, unknown>) => {
    try {
      const { json } = await httpClient(`${API_URL}/settings`, { method: 'PUT', body: JSON.stringify(values) });
      queryClient.setQueryData(SETTINGS_QUERY_KEY, json as Settings);
      notify('ra.notification.updated', { type: 'info', messageArgs: { smart_count: 1 } });
    } catch (error) {
      const e = error as ApiError;
      if (e.status === 409) void refetch();
      // The sentence in a notification, each field's own message beside the field.
      notify(apiErrorMessage(error), { type: 'error' });
      return e.body?.errors;
    }
  };
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
