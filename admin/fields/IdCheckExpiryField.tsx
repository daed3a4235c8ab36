import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { idCheckState, type IdCheckState } from '../../server/domain/id-checks';
import { formatTokyo } from '../format';

const COLOR: Record<Exclude<IdCheckState, 'none'>, string> = { expired: 'error.main', expiring: 'warning.dark', valid: 'text.primary' };

/** A validity date: red once past, orange within the warning window, with the state in words as well. */
export const IdCheckExpiryField = ({ source }: FieldProps & { source: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  const expiry = idCheckState(typeof value === 'string' ? value : null);
  if (expiry === 'none') {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('resources.volunteers.id_check_unchecked')}
      </Typography>
    );
  }
  return (
    <Typography component="span" variant="body2" sx={{ color: COLOR[expiry], fontWeight: expiry === 'valid' ? undefined : 600 }}>
      {formatTokyo(value, false)}
      {expiry !== 'valid' && ` (${translate(`resources.volunteers.id_check_states.${expiry}`)})`}
    </Typography>
  );
};
