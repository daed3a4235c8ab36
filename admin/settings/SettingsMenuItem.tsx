import SettingsIcon from '@mui/icons-material/Settings';
import { Menu, useCanAccess } from 'react-admin';

/** Only admins change the settings, so only they see the entry. */
export const SettingsMenuItem = () => {
  const { canAccess } = useCanAccess({ resource: 'settings', action: 'edit' });
  if (!canAccess) return null;
  return <Menu.Item to="/settings" primaryText="resources.settings.name" leftIcon={<SettingsIcon />} />;
};
