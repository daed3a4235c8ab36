import { lazy } from 'react';
import ClientIcon from '@mui/icons-material/People';

export default {
  list: lazy(() => import('./ClientList')),
  show: lazy(() => import('./ClientShow')),
  edit: lazy(() => import('./ClientEdit')),
  create: lazy(() => import('./ClientCreate')),
  icon: ClientIcon,
  recordRepresentation: (record: { client_no: string; name: string }) => `${record.client_no} ${record.name}`,
};
