import { lazy } from 'react';
import { Route } from 'react-router';

const SessionsPage = lazy(() => import('./SessionsPage'));

export { AccountAppBar } from './AccountMenu';

/** For <CustomRoutes>: the signed-in person's own sessions. */
export const accountRoutes = <Route path="/account/sessions" element={<SessionsPage />} />;
