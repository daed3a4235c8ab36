import { lazy } from 'react';
import MunicipalityIcon from '@mui/icons-material/LocationCity';

export default {
  list: lazy(() => import('./MunicipalityList')),
  edit: lazy(() => import('./MunicipalityEdit')),
  icon: MunicipalityIcon,
  recordRepresentation: 'name_ja',
};
