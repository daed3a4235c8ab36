import { lazy } from 'react';
import ExpenseIcon from '@mui/icons-material/Payments';

export default {
  list: lazy(() => import('./ExpenseList')),
  icon: ExpenseIcon,
  recordRepresentation: (record: { id: number }) => `#${record.id}`,
};
