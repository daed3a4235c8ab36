import { Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { languageName } from '../../server/domain/iso';
import { useConsoleLocale } from '../fields/iso';

/** An ISO 639-1 code shown as the language's name in the console's language. */
export const LanguageField = ({ source = 'language' }: Partial<FieldProps> & { source?: string }) => {
  const record = useRecordContext();
  const locale = useConsoleLocale();
  const code = record?.[source] as string | null | undefined;
  if (!code) return null;
  return <Typography variant="body2">{languageName(code, locale)}</Typography>;
};
