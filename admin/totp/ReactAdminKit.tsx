import type { ReactNode } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { LoginKitContext } from './kit';

/** The second-factor forms inside the console: react-admin's translations and notifications. */
export const ReactAdminKit = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale, setLocale] = useLocaleState();
  const kit = { translate, locale, setLocale, notify: (message: string, type: 'info' | 'warning') => notify(message, { type }) };
  return <LoginKitContext.Provider value={kit}>{children}</LoginKitContext.Provider>;
};
