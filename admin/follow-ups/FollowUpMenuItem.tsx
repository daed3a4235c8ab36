import FollowUpIcon from '@mui/icons-material/AssignmentLate';
import { Menu, useCanAccess } from 'react-admin';

/** The follow-up queue in the menu, for those who may read activity reports. */
export const FollowUpMenuItem = () => {
  const { canAccess } = useCanAccess({ resource: 'activity-reports', action: 'list' });
  if (!canAccess) return null;
  return <Menu.Item to="/follow-ups" primaryText="casework.follow_ups.menu" leftIcon={<FollowUpIcon />} />;
};
