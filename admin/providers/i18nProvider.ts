import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { setDateLocale } from '../format';
import { ja_messages } from '../i18n/ja';

export type Locale = 'ja' | 'en';

const LOCALES = [
  { locale: 'ja', name: '日本語' },
  { locale: 'en', name: 'English' },
];

// Not react-admin's store: it is wiped on logout, and the language should outlive a session.
const LOCALE_KEY = 'otonari.locale';

const loaded: Partial<Record<Locale, TranslationMessages>> = { ja: ja_messages };

/** English is loaded on demand: most staff never leave Japanese. */
export const loadMessages = async (locale: Locale): Promise<TranslationMessages> => {
  loaded[locale] ??= (await import('../i18n/en')).en_messages;
  return loaded[locale];
};

export const savedLocale = (): Locale => {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
};

const saveLocale = (locale: string) => {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts until reload.
  }
};

/** The language the server is asked to answer in: the console's own, whatever the browser prefers. */
export const apiLocale = (locale: string | undefined): Locale => (locale === 'en' ? 'en' : 'ja');

let current: Locale = 'ja';

/** The console's language now: every API call sends it as Accept-Language (providers/dataProvider). */
export const currentLocale = (): Locale => current;

/** Call after loadMessages(initialLocale): polyglot needs the first locale's messages at once. */
export const buildI18nProvider = (initialLocale: Locale): I18nProvider => {
  setDateLocale(initialLocale);
  current = initialLocale;
  const provider = polyglotI18nProvider(
    (locale) => loaded[locale as Locale] ?? loadMessages(locale === 'en' ? 'en' : 'ja'),
    initialLocale,
    LOCALES,
    { allowMissing: true },
  );
  return {
    ...provider,
    changeLocale: async (locale: string, options?: unknown) => {
      setDateLocale(locale);
      current = apiLocale(locale);
      await provider.changeLocale(locale, options);
      saveLocale(locale);
    },
  };
};
