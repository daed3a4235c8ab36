import { lazy } from 'react';
import IdCheckIcon from '@mui/icons-material/VerifiedUser';

export default {
  list: lazy(() => import('./IdCheckList')),
  icon: IdCheckIcon,
  recordRepresentation: 'checked_on',
};
