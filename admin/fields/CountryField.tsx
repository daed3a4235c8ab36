import { Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { countryName } from '../../server/domain/iso';
import { useConsoleLocale } from './iso';

/** An ISO 3166-1 code shown as the country's name in the console's language. */
export const CountryField = ({ source }: FieldProps & { source: string }) => {
  const record = useRecordContext();
  const locale = useConsoleLocale();
  const code = record?.[source];
  if (typeof code !== 'string' || !code) return null;
  return (
    <Typography component="span" variant="body2">
      {countryName(code, locale)}
    </Typography>
  );
};
