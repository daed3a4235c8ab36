import { Chip, Stack } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { languageName } from '../../server/domain/iso';
import { useConsoleLocale } from './iso';

/** ISO 639-1 codes shown as chips with the languages' names. */
export const LanguagesField = ({ source }: FieldProps & { source: string }) => {
  const record = useRecordContext();
  const locale = useConsoleLocale();
  const codes = record?.[source];
  if (!Array.isArray(codes) || codes.length === 0) return null;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {codes.map((code: string) => (
        <Chip key={code} label={languageName(code, locale)} size="small" />
      ))}
    </Stack>
  );
};
