import { lazy } from 'react';
import SupportRequestIcon from '@mui/icons-material/Assignment';

export default {
  list: lazy(() => import('./SupportRequestList')),
  icon: SupportRequestIcon,
  recordRepresentation: 'request_no',
};
