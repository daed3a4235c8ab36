import { Alert, Box, CircularProgress, CssBaseline, Snackbar } from '@mui/material';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import { type ComponentType, useCallback, useEffect, useMemo, useState } from 'react';
import type { I18nProvider } from 'react-admin';
import type { Staff } from './providers/authProvider';
import { requestJson } from './providers/json';
import { store } from './providers/store';
import { theme } from './theme';
import type { LoginKit } from './totp/kit';
import { LoginKitContext } from './totp/kit';
import { LoginPage } from './totp/LoginPage';

type AppProps = { i18nProvider: I18nProvider; onSignedOut: (next?: string) => void };
type Phase = { name: 'checking' } | { name: 'login' } | { name: 'console'; App: ComponentType<AppProps> };

/** react-admin and every screen: fetched only once someone is signed in. */
const loadConsole = () => import('./App');

/** Who is signed in, or null; a network failure shows the login page (its call then says what is wrong). */
const whoIsSignedIn = () => requestJson<Staff>('GET', '/auth/me').catch(() => null);

const loginTheme = createTheme(theme);

const LOGIN_ROUTE = '#/login';

/** Where to go after signing in: the page asked for when the login page came up (react-admin did the same). */
let wantedRoute: string | null = null;

const showLoginRoute = (next?: string) => {
  const current = window.location.hash;
  if (!current.startsWith(LOGIN_ROUTE)) {
    wantedRoute = next ?? current;
    window.history.replaceState(window.history.state, '', LOGIN_ROUTE);
  } else if (next) wantedRoute = next;
};

const Spinner = ({ label }: { label: string }) => (
  <Box sx={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '100vh' }}>
    <CircularProgress aria-label={label} />
  </Box>
);

/**
 * The page's root: the login page (MUI only) until someone is signed in, then the console
 * (react-admin and its screens, each screen lazily) loaded on demand. When the console signs out or loses
 * its session it comes back here (react-admin's login route renders `onSignedOut`).
 */
export const Root = ({ i18nProvider }: { i18nProvider: I18nProvider }) => {
  const [phase, setPhase] = useState<Phase>({ name: 'checking' });
  const [locale, setLocaleState] = useState(i18nProvider.getLocale());
  const [notice, setNotice] = useState<{ message: string; type: 'info' | 'warning' } | null>(null);

  const openConsole = useCallback(async (staff: Staff) => {
    let loaded: Awaited<ReturnType<typeof loadConsole>>;
    try {
      loaded = await loadConsole();
    } catch {
      // The network failed between the page and the console's files: say so; a reload retries.
      setPhase({ name: 'login' });
      setNotice({ message: 'ra.notification.http_error', type: 'warning' });
      return;
    }
    const { App, signedIn } = loaded;
    signedIn(staff);
    // From the login route to the page first asked for, or the home page.
    if (window.location.hash.startsWith(LOGIN_ROUTE)) {
      window.history.replaceState(window.history.state, '', wantedRoute && wantedRoute !== '#' ? wantedRoute : '#/');
      wantedRoute = null;
    }
    setPhase({ name: 'console', App });
  }, []);

  useEffect(() => {
    let live = true;
    void whoIsSignedIn().then((staff) => {
      if (!live) return;
      if (staff) void openConsole(staff);
      else {
        showLoginRoute();
        setPhase({ name: 'login' });
      }
    });
    return () => {
      live = false;
    };
  }, [openConsole]);

  const onSignedOut = useCallback(
    (next?: string) => {
      showLoginRoute(next);
      // The language may have been changed in the console meanwhile.
      setLocaleState(i18nProvider.getLocale());
      setPhase({ name: 'login' });
    },
    [i18nProvider],
  );

  const kit: LoginKit = useMemo(
    () => ({
      translate: (key, options) => i18nProvider.translate(key, options),
      locale,
      setLocale: (next) => {
        void Promise.resolve(i18nProvider.changeLocale(next)).then(() => {
          store.setItem('locale', next);
          setLocaleState(next);
        });
      },
      notify: (message, type) => setNotice({ message, type }),
    }),
    [i18nProvider, locale],
  );

  if (phase.name === 'console') return <phase.App i18nProvider={i18nProvider} onSignedOut={onSignedOut} />;
  return (
    <ThemeProvider theme={loginTheme}>
      <CssBaseline />
      {phase.name === 'checking' ? (
        <Spinner label={i18nProvider.translate('ra.page.loading')} />
      ) : (
        <LoginKitContext.Provider value={kit}>
          <LoginPage onSignedIn={openConsole} />
          <Snackbar open={!!notice} autoHideDuration={4000} onClose={() => setNotice(null)}>
            <Alert severity={notice?.type ?? 'info'} onClose={() => setNotice(null)}>
              {notice ? kit.translate(notice.message, { _: notice.message }) : ''}
            </Alert>
          </Snackbar>
        </LoginKitContext.Provider>
      )}
    </ThemeProvider>
  );
};
