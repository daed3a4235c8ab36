/**
 * The names staff actually type for languages and countries, beside the ISO data and the ICU
 * display names (which say 「フィリピノ語」, 「ミャンマー (ビルマ)」, 「Türkiye」,
 * 「中華人民共和国香港特別行政区」). Our own tables: keys are compared after NFKC, lower case
 * and single spaces (see aliasKey). Kept short and common; the ISO names still work.
 */
export const LANGUAGE_ALIASES: Record<string, string> = {
  タガログ語: 'tl',
  タガログ: 'tl',
  tagalog: 'tl',
  フィリピン語: 'tl',
  ベンガル語: 'bn',
  bengali: 'bn',
  // ISO 639-1 has one code for the Chinese languages: Cantonese and Mandarin are zh.
  広東語: 'zh',
  cantonese: 'zh',
  北京語: 'zh',
  普通話: 'zh',
  標準中国語: 'zh',
  mandarin: 'zh',
  ビルマ語: 'my',
  myanmar: 'my',
  ペルシャ語: 'fa',
  farsi: 'fa',
  ダリー語: 'fa',
  dari: 'fa',
  朝鮮語: 'ko',
  ハングル: 'ko',
  韓国朝鮮語: 'ko',
  パシュトー語: 'ps',
  パシュトゥン語: 'ps',
  シンハラ語: 'si',
  sinhalese: 'si',
  カンボジア語: 'km',
  cambodian: 'km',
  ラオス語: 'lo',
  ブラジルポルトガル語: 'pt',
  'ポルトガル語(ブラジル)': 'pt',
  スペイン語圏: 'es',
  ウルドゥ語: 'ur',
  ヒンディ語: 'hi',
  ヒンズー語: 'hi',
  マレーシア語: 'ms',
  フランス語圏: 'fr',
};

/**
 * 朝鮮 and 無国籍 are nationalities on Japanese residence cards and in the immigration
 * statistics, not ISO countries: they take codes from ISO 3166-1's user-assigned range.
 */
export const CHOSEN = 'XC';
export const STATELESS = 'XS';
export const EXTRA_NATIONALITIES: Record<string, { ja: string; en: string }> = {
  [CHOSEN]: { ja: '朝鮮', en: 'Chōsen (Korea, as on residence cards)' },
  [STATELESS]: { ja: '無国籍', en: 'Stateless' },
};

export const COUNTRY_ALIASES: Record<string, string> = {
  朝鮮: CHOSEN,
  chosen: CHOSEN,
  chōsen: CHOSEN,
  無国籍: STATELESS,
  stateless: STATELESS,
  ミャンマー: 'MM',
  ビルマ: 'MM',
  myanmar: 'MM',
  burma: 'MM',
  香港: 'HK',
  ホンコン: 'HK',
  'hong kong': 'HK',
  マカオ: 'MO',
  macau: 'MO',
  macao: 'MO',
  アメリカ: 'US',
  米国: 'US',
  america: 'US',
  usa: 'US',
  'united states of america': 'US',
  トルコ: 'TR',
  turkey: 'TR',
  パレスチナ: 'PS',
  palestine: 'PS',
  英国: 'GB',
  uk: 'GB',
  britain: 'GB',
  'great britain': 'GB',
  中国: 'CN',
  china: 'CN',
  中華人民共和国: 'CN',
  大韓民国: 'KR',
  korea: 'KR',
  'republic of korea': 'KR',
  ベトナム社会主義共和国: 'VN',
  'viet nam': 'VN',
  コンゴ民主共和国: 'CD',
  'dr congo': 'CD',
  'democratic republic of the congo': 'CD',
  コンゴ共和国: 'CG',
  チェコ共和国: 'CZ',
  'czech republic': 'CZ',
  'ivory coast': 'CI',
  'イラン・イスラム共和国': 'IR',
  ロシア連邦: 'RU',
  'russian federation': 'RU',
  'シリア・アラブ共和国': 'SY',
  ラオス人民民主共和国: 'LA',
  ネパール連邦民主共和国: 'NP',
  フィリピン共和国: 'PH',
  スリランカ民主社会主義共和国: 'LK',
  ブラジル連邦共和国: 'BR',
  'north macedonia': 'MK',
  macedonia: 'MK',
  eswatini: 'SZ',
  swaziland: 'SZ',
};

/** How an alias is compared: width, case and runs of spaces do not matter. */
export const aliasKey = (text: string) => text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

const languageAliases = new Map(Object.entries(LANGUAGE_ALIASES).map(([name, code]) => [aliasKey(name), code]));
const countryAliases = new Map(Object.entries(COUNTRY_ALIASES).map(([name, code]) => [aliasKey(name), code]));

export const languageAlias = (text: string): string | undefined => languageAliases.get(aliasKey(text));
export const countryAlias = (text: string): string | undefined => countryAliases.get(aliasKey(text));

/** The aliases that name a code, for a console's type-ahead. */
export function aliasesOf(table: Record<string, string>, code: string): string[] {
  return Object.entries(table)
    .filter(([, c]) => c === code)
    .map(([name]) => name);
}
