import BarChartIcon from '@mui/icons-material/BarChart';
import { Menu, useCanAccess } from 'react-admin';

/** The reports page is not a resource, so its menu entry checks the role table itself. */
export const ReportsMenuItem = () => {
  const { canAccess } = useCanAccess({ resource: 'reports', action: 'list' });
  if (!canAccess) return null;
  return <Menu.Item to="/reports" primaryText="reports.menu" leftIcon={<BarChartIcon />} />;
};
