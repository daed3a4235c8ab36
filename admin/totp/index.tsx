import { lazy } from 'react';
import { Route } from 'react-router';

const TotpPage = lazy(() => import('./TotpPage'));

export { TotpMenuItem } from './TotpMenuItem';
export { TotpResetButton } from './TotpResetButton';

/** For <CustomRoutes>: one's own 二段階認証 page, from the user menu. */
export const totpRoute = <Route path="/two-factor" element={<TotpPage />} />;
