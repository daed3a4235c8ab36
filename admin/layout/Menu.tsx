import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Divider } from '@mui/material';
import { Menu as RaMenu, useCanAccess } from 'react-admin';
import { FollowUpMenuItem } from '../follow-ups';
import { ReportsMenuItem } from '../reports';
import { CalendarMenuItem } from '../calendar';
import { SettingsMenuItem } from '../settings';

// Daily casework first, reference and administration after the divider. Each item hides
// itself when the role may not list the resource.
const CASEWORK = [
  'support-requests',
  'assignments',
  'activity-reports',
  'expenses',
  'clients',
  'volunteers',
  'id-checks',
  'partners',
  'messages',
];
const ADMINISTRATION = ['staff', 'municipalities', 'audit-log'];

/** An import creates records, so the page is offered to roles that may create clients or volunteers. */
const ImportItem = () => {
  const clients = useCanAccess({ resource: 'clients', action: 'create' });
  const volunteers = useCanAccess({ resource: 'volunteers', action: 'create' });
  if (!clients.canAccess && !volunteers.canAccess) return null;
  return <RaMenu.Item to="/imports" primaryText="imports.menu" leftIcon={<UploadFileIcon />} />;
};

export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    {CASEWORK.map((name) => (
      <RaMenu.ResourceItem key={name} name={name} />
    ))}
    <FollowUpMenuItem />
    <ReportsMenuItem />
    <CalendarMenuItem />
    <Divider />
    <ImportItem />
    {ADMINISTRATION.map((name) => (
      <RaMenu.ResourceItem key={name} name={name} />
    ))}
    <SettingsMenuItem />
  </RaMenu>
);
