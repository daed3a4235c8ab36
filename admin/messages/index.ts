import { lazy } from 'react';
import OutboxIcon from '@mui/icons-material/Outbox';

export default {
  list: lazy(() => import('./MessageList')),
  show: lazy(() => import('./MessageShow')),
  icon: OutboxIcon,
  recordRepresentation: (record: { id: number; subject?: string }) => record.subject ?? `#${record.id}`,
};
