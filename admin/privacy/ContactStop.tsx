import { Alert } from '@mui/material';
import { TextInput, useRecordContext, useTranslate } from 'react-admin';
import { FormSection, WIDE } from '../fields/Sections';
import { DateTimeInput } from '../fields/DateInputs';
import { formatTokyo } from '../format';

/** 連絡停止: when the person asked us to stop contacting them, and what they said. Lifted by clearing both. */
export const ContactStopInputs = () => (
  <FormSection title="privacy.contact_stop.section">
    <DateTimeInput source="contact_stopped_at" helperText="privacy.contact_stop.helper" />
    <TextInput source="contact_stop_reason" multiline minRows={1} sx={WIDE} />
  </FormSection>
);

/** Shown on a resident's or volunteer's page while the stop is in force. */
export const ContactStoppedNotice = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.contact_stopped_at) return null;
  return (
    <Alert severity="info" sx={{ borderRadius: 0 }} data-testid="contact-stopped-notice">
      {translate('privacy.contact_stop.notice', {
        date: formatTokyo(record.contact_stopped_at, false),
        reason: record.contact_stop_reason ?? '',
      })}
    </Alert>
  );
};
