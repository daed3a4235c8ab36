import { Card, CardContent, Typography } from '@mui/material';
import { Form, Loading, SaveButton, TextInput, Title, useEditContext, EditBase, useRedirect } from 'react-admin';
import { putJson } from '../providers/api';
import { useApiSubmit } from '../providers/useApiSubmit';

/** The reference data stays as it is; an admin keeps only the notes shown beside request dates. */
const NotesForm = () => {
  const { record, isPending } = useEditContext();
  const redirect = useRedirect();
  const submit = useApiSubmit(
    async (values: Record<string, unknown>) => {
      await putJson(`/municipalities/${record?.id}/notes`, { notes: values.notes || null });
      redirect('list', 'municipalities');
    },
    { success: 'ra.notification.updated', successArgs: { smart_count: 1 } },
  );
  if (isPending || !record) return <Loading />;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={`${record.name_ja} (${record.id})`} />
      <CardContent>
        <Typography variant="h6">{record.name_ja}</Typography>
        <Form record={record} onSubmit={submit} resource="municipalities">
          <TextInput source="notes" multiline minRows={3} helperText="municipalities.notes_hint" />
          <SaveButton />
        </Form>
      </CardContent>
    </Card>
  );
};

const MunicipalityEdit = () => (
  <EditBase>
    <NotesForm />
  </EditBase>
);

export default MunicipalityEdit;
