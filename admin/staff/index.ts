import { lazy } from 'react';
import StaffIcon from '@mui/icons-material/Badge';

export default {
  list: lazy(() => import('./StaffList')),
  edit: lazy(() => import('./StaffEdit')),
  create: lazy(() => import('./StaffCreate')),
  icon: StaffIcon,
  recordRepresentation: 'display_name',
};
