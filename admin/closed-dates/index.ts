import { lazy } from 'react';
import ClosedDateIcon from '@mui/icons-material/EventBusy';

export default {
  list: lazy(() => import('./ClosedDateList')),
  edit: lazy(() => import('./ClosedDateEdit')),
  create: lazy(() => import('./ClosedDateCreate')),
  icon: ClosedDateIcon,
  recordRepresentation: 'reason',
};
