import { lazy } from 'react';
import MunicipalityIcon from '@mui/icons-material/LocationCity';
import { createElement } from 'react';
import { MunicipalityName } from './MunicipalityName';

export default {
  list: lazy(() => import('./MunicipalityList')),
  edit: lazy(() => import('./MunicipalityEdit')),
  icon: MunicipalityIcon,
  // In the console's language wherever a municipality is referenced.
  recordRepresentation: createElement(MunicipalityName),
};
