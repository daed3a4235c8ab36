import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { Typography } from '@mui/material';

/** A field holding a resource name ('clients') shown as that resource's translated name. */
export const ResourceNameField = ({ source }: FieldProps & { source: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  if (typeof value !== 'string') return null;
  return (
    <Typography component="span" variant="body2">
      {translate(`resources.${value}.name`, { smart_count: 1, _: value })}
    </Typography>
  );
};
