import { Divider } from '@mui/material';
import { Menu as RaMenu } from 'react-admin';

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
];
const ADMINISTRATION = ['staff', 'municipalities', 'audit-log'];

export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    {CASEWORK.map((name) => (
      <RaMenu.ResourceItem key={name} name={name} />
    ))}
    <Divider />
    {ADMINISTRATION.map((name) => (
      <RaMenu.ResourceItem key={name} name={name} />
    ))}
  </RaMenu>
);
