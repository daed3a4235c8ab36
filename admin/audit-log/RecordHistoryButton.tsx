import HistoryIcon from '@mui/icons-material/History';
import { Button, Link, useCanAccess, useRecordContext } from 'react-admin';

/** 「この記録の閲覧・変更履歴」: the audit log filtered to this record, for those who may read the log. */
export const RecordHistoryButton = ({ resource }: { resource: string }) => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'audit-log', action: 'list' });
  if (!canAccess || record?.id == null) return null;
  const filter = JSON.stringify({ resource, record_id: String(record.id) });
  return (
    <Button
      component={Link}
      to={{ pathname: '/audit-log', search: `filter=${encodeURIComponent(filter)}&order=DESC&sort=at` }}
      label="audit.history"
      startIcon={<HistoryIcon />}
    />
  );
};
