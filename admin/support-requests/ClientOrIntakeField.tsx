import { Chip, Stack, Typography } from '@mui/material';
import { ReferenceField, useRecordContext, useTranslate, type FieldProps } from 'react-admin';

/** The linked client, or — for a web-form request nobody has linked yet — the name it gave. */
export const ClientOrIntakeField = (_props: FieldProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (record.client_id != null) return <ReferenceField source="client_id" reference="clients" link="show" />;
  const name = (record.intake as { name?: string } | null)?.name;
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
      {name && <Typography variant="body2">{name}</Typography>}
      <Chip size="small" color="warning" variant="outlined" label={translate('casework.requests.unlinked')} />
    </Stack>
  );
};
