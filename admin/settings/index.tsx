import { lazy } from 'react';
import { Route } from 'react-router';

const SettingsPage = lazy(() => import('./SettingsPage'));

export { SettingsMenuItem } from './SettingsMenuItem';

/** For <CustomRoutes>: the admins' settings page. */
export const settingsRoute = <Route path="/settings" element={<SettingsPage />} />;
