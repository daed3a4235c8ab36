import PolicyIcon from '@mui/icons-material/Policy';
import AutoDeleteIcon from '@mui/icons-material/AutoDelete';
import { lazy } from 'react';
import { Menu, useCanAccess } from 'react-admin';
import { Route } from 'react-router';

const PrivacyPage = lazy(() => import('./PrivacyPage'));
const RetentionPage = lazy(() => import('./RetentionPage'));

/** For <CustomRoutes>: the privacy page (every role) and the retention page (admins). */
export const privacyRoutes = [
  <Route key="privacy" path="/privacy" element={<PrivacyPage />} />,
  <Route key="retention" path="/retention" element={<RetentionPage />} />,
];

export const PrivacyMenuItem = () => <Menu.Item to="/privacy" primaryText="privacy.page.menu" leftIcon={<PolicyIcon />} />;

/** Only admins anonymise what has passed its retention date, so only they see the entry. */
export const RetentionMenuItem = () => {
  const { canAccess } = useCanAccess({ resource: 'retention', action: 'edit' });
  if (!canAccess) return null;
  return <Menu.Item to="/retention" primaryText="privacy.retention.menu" leftIcon={<AutoDeleteIcon />} />;
};
