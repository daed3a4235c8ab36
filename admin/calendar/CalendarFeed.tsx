import { Alert, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { apiErrorMessage, deleteJson, postJson } from '../providers/api';

/** One's own private iCalendar address: made (replacing the old one), shown once, revocable. */
export const CalendarFeed = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [url, setUrl] = useState<string | null>(null);
  const make = async () => {
    try {
      setUrl((await postJson<{ url: string }>('/calendar/feed')).url);
    } catch (err) {
      notify(apiErrorMessage(err), { type: 'error' });
    }
  };
  const revoke = async () => {
    try {
      await deleteJson('/calendar/feed');
      setUrl(null);
      notify('calendar.feed_revoked', { type: 'info' });
    } catch (err) {
      notify(apiErrorMessage(err), { type: 'error' });
    }
  };
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('calendar.feed_title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('calendar.feed_hint')}
        </Typography>
        {url && (
          <Alert severity="info" sx={{ my: 1 }}>
            <TextField
              value={url}
              fullWidth
              size="small"
              slotProps={{ htmlInput: { readOnly: true } }}
              label={translate('calendar.feed_url')}
            />
          </Alert>
        )}
        <Stack direction="row" sx={{ gap: 1 }}>
          <Button label="calendar.feed_make" onClick={make} variant="outlined" />
          <Button label="calendar.feed_revoke" onClick={revoke} />
        </Stack>
      </CardContent>
    </Card>
  );
};
