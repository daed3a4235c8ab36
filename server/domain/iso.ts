import countries from 'i18n-iso-countries';
import ISO6391 from 'iso-639-1';
import { EXTRA_NATIONALITIES } from './iso-aliases.js';

/**
 * ISO 3166-1 alpha-2 and ISO 639-1 codes come from maintained libraries; display names come
 * from the ICU data in Node and the browser (Intl.DisplayNames), in Japanese or English.
 */
export const COUNTRY_CODES: readonly string[] = [...Object.keys(countries.getAlpha2Codes()), ...Object.keys(EXTRA_NATIONALITIES)].sort();
export const LANGUAGE_CODES: readonly string[] = [...ISO6391.getAllCodes()].sort();

const countrySet = new Set(COUNTRY_CODES);
const languageSet = new Set(LANGUAGE_CODES);

export const isCountryCode = (code: string) => countrySet.has(code);
export const isLanguageCode = (code: string) => languageSet.has(code);

// Building an Intl.DisplayNames is costly and exports name a code on every row: keep the names.
const names = new Map<string, string>();
function displayName(type: 'region' | 'language', code: string, locale: 'ja' | 'en'): string {
  const key = `${type}:${locale}:${code}`;
  let name = names.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([locale], { type, fallback: 'code' }).of(code) ?? code;
    } catch {
      name = code;
    }
    names.set(key, name);
  }
  return name;
}

/** 朝鮮 and 無国籍 (not ISO countries) are named by our own table, the rest by ICU. */
export const countryName = (code: string, locale: 'ja' | 'en' = 'ja') =>
  EXTRA_NATIONALITIES[code]?.[locale] ?? displayName('region', code, locale);
export const languageName = (code: string, locale: 'ja' | 'en' = 'ja') => displayName('language', code, locale);
