import { lazy } from 'react';
import ClientIcon from '@mui/icons-material/People';

export default {
  list: lazy(() => import('./ClientList')),
  icon: ClientIcon,
  recordRepresentation: (record: { client_no: string; name: string }) => `${record.client_no} ${record.name}`,
};
