import { Alert } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatTokyo } from '../format';

export const ArchivedNotice = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  // An anonymised client is archived too; AnonymisedNotice says all there is to say.
  if (!record?.archived_at || record.anonymised_at) return null;
  return (
    <Alert severity="info" sx={{ borderRadius: 0 }}>
      {translate('resources.clients.archived_notice', { date: formatTokyo(record.archived_at, false) })}
    </Alert>
  );
};
