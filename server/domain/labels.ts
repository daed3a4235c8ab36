import { en_enums } from '../../admin/i18n/en_enums.js';
import { en_resources } from '../../admin/i18n/en_resources.js';
import { ja_enums } from '../../admin/i18n/ja_enums.js';
import { ja_resources } from '../../admin/i18n/ja_resources.js';

/**
 * The console's own translations, so CSV headers and code values read exactly as on screen.
 * They are plain data files; nothing from React comes with them.
 */
export type Lang = 'ja' | 'en';
type Dict = Record<string, Record<string, string>>;

const ENUMS: Record<Lang, Dict> = { ja: ja_enums as unknown as Dict, en: en_enums as unknown as Dict };
const RESOURCES: Record<Lang, Record<string, { fields?: Record<string, string> }>> = {
  ja: ja_resources as never,
  en: en_resources as never,
};

export function enumLabel(enumName: string, value: string, lang: Lang): string {
  return ENUMS[lang][enumName]?.[value] ?? value;
}

export function fieldLabel(resource: string, field: string, lang: Lang): string {
  return RESOURCES[lang][resource]?.fields?.[field] ?? field;
}

export const YES_NO: Record<Lang, [string, string]> = { ja: ['はい', 'いいえ'], en: ['Yes', 'No'] };
