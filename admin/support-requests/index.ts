import { lazy } from 'react';
import SupportRequestIcon from '@mui/icons-material/Assignment';

export default {
  list: lazy(() => import('./SupportRequestList')),
  show: lazy(() => import('./SupportRequestShow')),
  edit: lazy(() => import('./SupportRequestEdit')),
  create: lazy(() => import('./SupportRequestCreate')),
  icon: SupportRequestIcon,
  recordRepresentation: 'request_no',
};
