import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { tokyoDate } from '../../server/domain/time';
import { formatTokyo } from '../format';

/** How near the end of an ID check's validity counts as "soon" in the console's colours. */
export const EXPIRY_WARNING_DAYS = 60;

type Expiry = 'expired' | 'expiring' | 'valid';

/** Calendar dates compare as strings; "today" is the day in Tokyo, whatever the browser's zone. */
export const expiryOf = (validUntil: string, now = new Date()): Expiry => {
  const today = tokyoDate(now);
  const warnFrom = tokyoDate(new Date(now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000));
  if (validUntil < today) return 'expired';
  return validUntil <= warnFrom ? 'expiring' : 'valid';
};

const COLOR: Record<Expiry, string> = { expired: 'error.main', expiring: 'warning.dark', valid: 'text.primary' };

/** A validity date: red once past, orange within 60 days, with the state in words as well. */
export const IdCheckExpiryField = ({ source }: FieldProps & { source: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  if (typeof value !== 'string' || !value) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('resources.volunteers.id_check_unchecked')}
      </Typography>
    );
  }
  const expiry = expiryOf(value);
  return (
    <Typography component="span" variant="body2" sx={{ color: COLOR[expiry], fontWeight: expiry === 'valid' ? undefined : 600 }}>
      {formatTokyo(value, false)}
      {expiry !== 'valid' && ` (${translate(`resources.volunteers.id_check_states.${expiry}`)})`}
    </Typography>
  );
};
