import { lazy } from 'react';
import IdCheckIcon from '@mui/icons-material/VerifiedUser';

export default {
  list: lazy(() => import('./IdCheckList')),
  show: lazy(() => import('./IdCheckShow')),
  edit: lazy(() => import('./IdCheckEdit')),
  create: lazy(() => import('./IdCheckCreate')),
  icon: IdCheckIcon,
  recordRepresentation: 'checked_on',
};
