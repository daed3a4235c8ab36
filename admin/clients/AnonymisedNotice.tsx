import { Alert, Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatTokyo } from '../format';

/** An anonymised client: what is left is the record the reports count, nothing personal. */
export const AnonymisedNotice = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.anonymised_at) return null;
  return (
    <Alert severity="warning" icon={false} sx={{ borderRadius: 0, alignItems: 'center' }} data-testid="anonymised-notice">
      <Chip size="small" color="warning" label={translate('casework.anonymise.chip')} sx={{ mr: 1 }} />
      {translate('casework.anonymise.notice', { date: formatTokyo(record.anonymised_at, false) })}
    </Alert>
  );
};
