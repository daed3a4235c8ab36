import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

/** Resources named in the log that are not console resources: `auth`, `reports/monthly`… */
export const auditResourceKey = (resource: string) => `audit.resources.${resource.replace('/', '_')}`;

export const useAuditResourceName = () => {
  const translate = useTranslate();
  return (resource: string) =>
    translate(auditResourceKey(resource), { _: translate(`resources.${resource}.name`, { smart_count: 1, _: resource }) });
};

/** What the entry is about: 利用者, ログイン, 月次レポート. */
export const AuditResourceField = (_: FieldProps) => {
  const record = useRecordContext();
  const name = useAuditResourceName();
  if (typeof record?.resource !== 'string') return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {name(record.resource)}
    </Typography>
  );
};

/** The record by the number people know it by (C-00015) or a staff member's name, else its id. */
export const AuditRecordField = (_: FieldProps) => {
  const record = useRecordContext();
  if (!record?.record_id) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {record.record_label ?? `#${record.record_id}`}
    </Typography>
  );
};

/** Field names as the console labels them (要配慮事項, 表示名), never column names. */
export const AuditFieldsField = (_: FieldProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const fields: string[] = Array.isArray(record?.changed_fields) ? record.changed_fields : [];
  if (!fields.length) return null;
  const label = (f: string) => translate(`resources.${record?.resource}.fields.${f}`, { _: translate(`audit.fields.${f}`, { _: f }) });
  return (
    <Typography component="span" variant="body2">
      {fields.map(label).join('、')}
    </Typography>
  );
};
