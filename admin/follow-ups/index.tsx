import { lazy } from 'react';
import { Route } from 'react-router';

const FollowUpList = lazy(() => import('./FollowUpList'));

export { FollowUpMenuItem } from './FollowUpMenuItem';

/** For <CustomRoutes>: the queue of follow-ups nobody has handled yet. */
export const followUpsRoute = <Route path="/follow-ups" element={<FollowUpList />} />;
