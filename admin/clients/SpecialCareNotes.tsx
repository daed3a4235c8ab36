import { Alert, AlertTitle, Chip } from '@mui/material';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { Role } from '../../server/domain/enums';
import { canSeeField } from '../../server/domain/roles';

/**
 * 要配慮個人情報 (health, refugee status…): shown only to the roles allowed to see it — the
 * server already withholds it from the others — and only when something is recorded.
 */
export const SpecialCareNotes = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const notes = record?.special_care_notes;
  if (!canSeeField(permissions, 'clients', 'special_care_notes') || typeof notes !== 'string' || !notes) return null;
  return (
    <Alert severity="warning" icon={false} variant="outlined" sx={{ maxWidth: 960, mb: 1 }}>
      <AlertTitle sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Chip size="small" color="warning" label={translate('resources.clients.special_care')} />
        {translate('resources.clients.fields.special_care_notes')}
      </AlertTitle>
      <span style={{ whiteSpace: 'pre-wrap' }}>{notes}</span>
    </Alert>
  );
};
