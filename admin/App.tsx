import { lazy } from 'react';
import { Admin, CustomRoutes, Resource, type I18nProvider } from 'react-admin';
import { Route } from 'react-router';
import { accountRoutes } from './account';
import activity_reports from './activity-reports';
import assignments from './assignments';
import audit_log from './audit-log';
import clients from './clients';
import closed_dates from './closed-dates';
import expenses from './expenses';
import { followUpsRoute } from './follow-ups';
import id_checks from './id-checks';
import municipalities from './municipalities';
import partners from './partners';
import { reportsRoute } from './reports';
import { calendarRoute } from './calendar';
import { settingsRoute } from './settings';
import { privacyRoutes } from './privacy';
import { totpRoute } from './totp';
import staff from './staff';
import support_requests from './support-requests';
import volunteers from './volunteers';
import messages from './messages';
import { Layout } from './layout/Layout';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { theme } from './theme';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const LoginPage = lazy(() => import('./totp/LoginPage'));
const ImportPage = lazy(() => import('./imports/ImportPage'));

export const App = ({ i18nProvider }: { i18nProvider: I18nProvider }) => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
    theme={theme}
    title="app.title"
    requireAuth
    disableTelemetry
  >
    <Resource name="support-requests" {...support_requests} />
    <Resource name="assignments" {...assignments} />
    <Resource name="activity-reports" {...activity_reports} />
    <Resource name="expenses" {...expenses} />
    <Resource name="clients" {...clients} />
    <Resource name="volunteers" {...volunteers} />
    <Resource name="id-checks" {...id_checks} />
    <Resource name="partners" {...partners} />
    <Resource name="staff" {...staff} />
    <Resource name="municipalities" {...municipalities} />
    <Resource name="closed-dates" {...closed_dates} />
    <Resource name="audit-log" {...audit_log} />
    <Resource name="messages" {...messages} />
    <Resource name="self-reports" />
    <CustomRoutes>
      <Route path="/imports" element={<ImportPage />} />
      {followUpsRoute}
      {settingsRoute}
      {reportsRoute}
      {calendarRoute}
      {accountRoutes}
      {totpRoute}
      {privacyRoutes}
    </CustomRoutes>
  </Admin>
);
