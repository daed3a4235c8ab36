import { lazy } from 'react';
import PartnerIcon from '@mui/icons-material/Handshake';

export default {
  list: lazy(() => import('./PartnerList')),
  show: lazy(() => import('./PartnerShow')),
  edit: lazy(() => import('./PartnerEdit')),
  create: lazy(() => import('./PartnerCreate')),
  icon: PartnerIcon,
  recordRepresentation: 'name',
};
