import { Chip, Stack, type SxProps } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { EnumName } from '../choices';

/** An array of enumeration values, each a chip with its translated name. */
export const EnumArrayField = ({ source, enumName }: FieldProps & { source: string; sx?: SxProps; enumName: EnumName }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const values = record?.[source];
  if (!Array.isArray(values) || values.length === 0) return null;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {values.map((value: string) => (
        <Chip key={value} label={translate(`enums.${enumName}.${value}`, { _: value })} size="small" variant="outlined" />
      ))}
    </Stack>
  );
};
