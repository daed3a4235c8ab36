import { useMemo } from 'react';
import { useLocaleState } from 'react-admin';
import { COUNTRY_CODES, LANGUAGE_CODES, countryName, languageName } from '../../server/domain/iso';

export type ConsoleLocale = 'ja' | 'en';

/** The console's two locales; anything else (a stale store value) reads as Japanese. */
export const useConsoleLocale = (): ConsoleLocale => {
  const [locale] = useLocaleState();
  return locale === 'en' ? 'en' : 'ja';
};

type Choice = { id: string; name: string };

const byName = (locale: ConsoleLocale) => (a: Choice, b: Choice) => a.name.localeCompare(b.name, locale);

/** Countries by their name in the current locale, sorted by that name: staff never pick a code. */
export const useCountryChoices = (): Choice[] => {
  const locale = useConsoleLocale();
  return useMemo(() => COUNTRY_CODES.map((id) => ({ id, name: countryName(id, locale) })).sort(byName(locale)), [locale]);
};

export const useLanguageChoices = (): Choice[] => {
  const locale = useConsoleLocale();
  return useMemo(() => LANGUAGE_CODES.map((id) => ({ id, name: languageName(id, locale) })).sort(byName(locale)), [locale]);
};
