import { lazy } from 'react';
import VolunteerIcon from '@mui/icons-material/VolunteerActivism';

export default {
  list: lazy(() => import('./VolunteerList')),
  show: lazy(() => import('./VolunteerShow')),
  edit: lazy(() => import('./VolunteerEdit')),
  create: lazy(() => import('./VolunteerCreate')),
  icon: VolunteerIcon,
  recordRepresentation: (record: { volunteer_no: string; name: string }) => `${record.volunteer_no} ${record.name}`,
};
