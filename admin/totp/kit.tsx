import { createContext, useContext } from 'react';

/**
 * What the sign-in and second-factor forms need from around them: translations, the language
 * and a short notice. The login page is shown before react-admin is loaded (admin/Root.tsx gives
 * this from the i18n provider); inside the console ReactAdminKit gives it from react-admin's hooks.
 */
export type LoginKit = {
  translate: (key: string, options?: Record<string, unknown>) => string;
  locale: string;
  setLocale: (locale: string) => void;
  notify: (message: string, type: 'info' | 'warning') => void;
};

export const LoginKitContext = createContext<LoginKit | null>(null);

export const useLoginKit = (): LoginKit => {
  const kit = useContext(LoginKitContext);
  if (!kit) throw new Error('useLoginKit outside a LoginKitContext');
  return kit;
};
