import { lazy } from 'react';
import ActivityReportIcon from '@mui/icons-material/Summarize';

export default {
  list: lazy(() => import('./ActivityReportList')),
  icon: ActivityReportIcon,
  recordRepresentation: (record: { id: number }) => `#${record.id}`,
};
