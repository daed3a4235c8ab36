import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { enUS, jaJP } from '@mui/x-date-pickers/locales';
import { enGB } from 'date-fns/locale/en-GB';
import { ja } from 'date-fns/locale/ja';
import type { ReactNode } from 'react';
import { useLocaleState } from 'react-admin';

// Weeks start on Monday in both languages (date-fns' Japanese starts them on Sunday). English
// takes the British locale for its Monday weeks and 24-hour clock; the fields' own format is
// fixed year-first (see DateInputs), so no language shows month/day order.
export const DATE_FNS_LOCALES = {
  ja: { ...ja, options: { ...ja.options, weekStartsOn: 1 as const } },
  en: enGB,
};

// Placeholders follow the 24-hour format (hh would read as a 12-hour clock).
const placeholders = { fieldHoursPlaceholder: () => 'HH' };
const LOCALE_TEXTS = {
  ja: { ...jaJP.components.MuiLocalizationProvider.defaultProps.localeText, ...placeholders },
  en: { ...enUS.components.MuiLocalizationProvider.defaultProps.localeText, ...placeholders },
};

// The calendar's heading: 2026年11月 (MUI X's "month year" would give 11月 2026).
export const CALENDAR_HEADINGS = { ja: "yyyy'年'M'月'", en: 'LLLL yyyy' };

/** 'ja' or 'en', as the pickers' locales are keyed. */
export const pickersLanguage = (locale: string) => (locale === 'en' ? 'en' : 'ja');

/** The console's pickers' language follows the console's; given once around the layout. */
export const PickersProvider = ({ children }: { children: ReactNode }) => {
  const [locale] = useLocaleState();
  const lang = pickersLanguage(locale);
  return (
    <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={DATE_FNS_LOCALES[lang]} localeText={LOCALE_TEXTS[lang]}>
      {children}
    </LocalizationProvider>
  );
};
