import { createContext, createElement, lazy, useContext, useEffect } from 'react';
import { Admin, CustomRoutes, Resource, type I18nProvider } from 'react-admin';
import { Route, useLocation, useNavigate } from 'react-router';
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
import { authProvider, rememberStaff, type Staff } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { requestJson } from './providers/json';
import { ListPagination } from './layout/ListPagination';
import { store } from './providers/store';
import { theme } from './theme';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const ImportPage = lazy(() => import('./imports/ImportPage'));

const consoleTheme = {
  ...theme,
  components: {
    ...theme.components,
    // Every <List>'s pagination, unless a list names its own.
    RaList: { defaultProps: { pagination: createElement(ListPagination) } },
  },
};

/** The login page lives outside the console (admin/Root.tsx): react-admin's login route hands back to it. */
const SignedOutContext = createContext<(next?: string) => void>(() => undefined);
const BackToLogin = () => {
  const signedOut = useContext(SignedOutContext);
  const navigate = useNavigate();
  // react-admin names the page it was asked for when it sent us here.
  const state = useLocation().state as { nextPathname?: string; nextSearch?: string } | null;
  const next = state?.nextPathname && state.nextPathname !== '/login' ? `#${state.nextPathname}${state.nextSearch ?? ''}` : undefined;
  useEffect(() => {
    let live = true;
    // Someone still signed in who opens the login address by hand goes home, not to a login page.
    void requestJson('GET', '/auth/me').then(
      () => live && navigate('/', { replace: true }),
      () => live && signedOut(next),
    );
    return () => {
      live = false;
    };
  }, [signedOut, next, navigate]);
  return null;
};

/** Called by the login page with whom it signed in, before the console mounts (no second /me). */
export const signedIn = (staff: Staff) => rememberStaff(staff);

export const App = ({ i18nProvider, onSignedOut }: { i18nProvider: I18nProvider; onSignedOut: (next?: string) => void }) => (
  <SignedOutContext.Provider value={onSignedOut}>
    <Admin
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      store={store}
      dashboard={Dashboard}
      layout={Layout}
      loginPage={BackToLogin}
      theme={consoleTheme}
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
  </SignedOutContext.Provider>
);
