import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { lazy } from 'react';
import { Menu, useCanAccess } from 'react-admin';
import { Route } from 'react-router';

// Its own chunk: the calendar library is loaded only by those who open it.
const CalendarPage = lazy(() => import('./CalendarPage'));

export const CalendarMenuItem = () => {
  const { canAccess } = useCanAccess({ resource: 'support-requests', action: 'list' });
  if (!canAccess) return null;
  return <Menu.Item to="/calendar" primaryText="calendar.menu" leftIcon={<CalendarMonthIcon />} />;
};

/** For <CustomRoutes>: month and week views of confirmed activities. */
export const calendarRoute = <Route path="/calendar" element={<CalendarPage />} />;
