import { lazy } from 'react';
import AssignmentIcon from '@mui/icons-material/ConnectWithoutContact';

export default {
  list: lazy(() => import('./AssignmentList')),
  icon: AssignmentIcon,
  recordRepresentation: (record: { id: number }) => `#${record.id}`,
};
