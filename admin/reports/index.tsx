import { lazy } from 'react';
import { Route } from 'react-router';

// Its own chunk: the charts library is loaded only by those who open the reports.
const ReportsPage = lazy(() => import('./ReportsPage'));

export { ReportsMenuItem } from './ReportsMenuItem';

/** For <CustomRoutes>: the monthly and fiscal-year reports. */
export const reportsRoute = <Route path="/reports" element={<ReportsPage />} />;
