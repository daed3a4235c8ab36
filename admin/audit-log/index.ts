import { lazy } from 'react';
import AuditLogIcon from '@mui/icons-material/History';

export default {
  list: lazy(() => import('./AuditLogList')),
  icon: AuditLogIcon,
  recordRepresentation: (record: { id: number }) => `#${record.id}`,
};
