import { en_enums } from './messages/en_enums.js';
import { en_resources } from './messages/en_resources.js';
import { ja_enums } from './messages/ja_enums.js';
import { ja_resources } from './messages/ja_resources.js';

/**
 * Names of fields and code values in Japanese and English (domain/messages/), shared with the
 * console's translations, so CSV headers and code values read exactly as on screen.
 */
export type Lang = 'ja' | 'en';
type Dict = Record<string, Record<string, string>>;

const ENUMS: Record<Lang, Dict> = { ja: ja_enums, en: en_enums };
const RESOURCES: Record<Lang, Record<string, { fields?: Record<string, string> }>> = {
  ja: ja_resources,
  en: en_resources,
};

/** An entry of a dictionary itself, never a name every object inherits (`constructor`). */
const own = <T>(table: Record<string, T> | undefined, key: string): T | undefined =>
  table && Object.hasOwn(table, key) ? table[key] : undefined;

export function enumLabel(enumName: string, value: string, lang: Lang): string {
  return own(own(ENUMS[lang], enumName), value) ?? value;
}

export function fieldLabel(resource: string, field: string, lang: Lang): string {
  return own(own(RESOURCES[lang], resource)?.fields, field) ?? field;
}

export const YES_NO: Record<Lang, [string, string]> = { ja: ['はい', 'いいえ'], en: ['Yes', 'No'] };
