import type { FormLang, FormTexts } from '../../server/public/i18n/keys';

/** One chunk per language: the page downloads only the catalogue it shows. */
const LOADERS: Record<FormLang, () => Promise<{ default: FormTexts }>> = {
  ja: () => import('../../server/public/i18n/ja'),
  'ja-easy': () => import('../../server/public/i18n/ja-easy'),
  en: () => import('../../server/public/i18n/en'),
  'zh-Hans': () => import('../../server/public/i18n/zh-Hans'),
  'zh-Hant': () => import('../../server/public/i18n/zh-Hant'),
  ko: () => import('../../server/public/i18n/ko'),
  vi: () => import('../../server/public/i18n/vi'),
  ne: () => import('../../server/public/i18n/ne'),
  uk: () => import('../../server/public/i18n/uk'),
  ru: () => import('../../server/public/i18n/ru'),
  tl: () => import('../../server/public/i18n/tl'),
  pt: () => import('../../server/public/i18n/pt'),
  id: () => import('../../server/public/i18n/id'),
  my: () => import('../../server/public/i18n/my'),
  tr: () => import('../../server/public/i18n/tr'),
  'fa-AF': () => import('../../server/public/i18n/fa-AF'),
  ps: () => import('../../server/public/i18n/ps'),
};

export async function loadCatalogue(lang: FormLang): Promise<FormTexts> {
  return (await LOADERS[lang]()).default;
}
