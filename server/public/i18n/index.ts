import en from './en.js';
import faAF from './fa-AF.js';
import id from './id.js';
import ja from './ja.js';
import jaEasy from './ja-easy.js';
import ko from './ko.js';
import my from './my.js';
import ne from './ne.js';
import ps from './ps.js';
import pt from './pt.js';
import ru from './ru.js';
import tl from './tl.js';
import tr from './tr.js';
import uk from './uk.js';
import vi from './vi.js';
import zhHans from './zh-Hans.js';
import zhHant from './zh-Hant.js';
import { type FormLang, type FormTexts, isFormLang, type TextKey } from './keys.js';

export * from './keys.js';

/** Every catalogue, for the server (the page imports only the one it shows). */
export const CATALOGUES: Record<FormLang, FormTexts> = {
  ja,
  'ja-easy': jaEasy,
  en,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ko,
  vi,
  ne,
  uk,
  ru,
  tl,
  pt,
  id,
  my,
  tr,
  'fa-AF': faAF,
  ps,
};

/** One text in a form language; an unknown language reads English. */
export function formText(lang: string, key: TextKey): string {
  return CATALOGUES[isFormLang(lang) ? lang : 'en'][key];
}
