/**
 * Normalisation behind every `q` search and the duplicate check, applied both to the stored
 * `search_text` and to the query, so matching is insensitive to how a name was typed:
 * full-/half-width forms, hiragana/katakana, case, accents and diacritics (Nguyễn = nguyen),
 * ヴ and ブ (ヴァ = バ), the long-vowel mark ー, and spaces or ・ between words.
 */
const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KANA_OFFSET = 0x60;

/** Combining accents of Latin, Greek and Cyrillic letters; never the kana voicing marks (U+3099, U+309A). */
const ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Letters with no decomposition that people type without their stroke. */
const LETTERS: Record<string, string> = { đ: 'd', ð: 'd', ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h', þ: 'th' };

/** ゔぁ ゔぃ ゔ ゔぇ ゔぉ as ば び ぶ べ ぼ: ヴァン and バン are the same name written twice. */
const VU: Record<string, string> = { ぁ: 'ば', ぃ: 'び', ぇ: 'べ', ぉ: 'ぼ' };

export function normalizeForSearch(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().normalize('NFD').replace(ACCENTS, '').normalize('NFC');
  let out = '';
  for (const ch of folded) {
    const code = ch.codePointAt(0)!;
    out += code >= KATAKANA_START && code <= KATAKANA_END ? String.fromCodePoint(code - KANA_OFFSET) : (LETTERS[ch] ?? ch);
  }
  return (
    out
      .replace(/ゔ([ぁぃぇぉ]?)/g, (_, small: string) => (small ? VU[small]! : 'ぶ'))
      // The long-vowel mark is left out, so ハーン and ハン meet (ー and its half-width form, after NFKC).
      .replace(/ー/g, '')
      // ・ and ゠ (=) separate the words of a name written in katakana, as a space does.
      .replace(/[\s\u3000・゠=]+/g, ' ')
      .trim()
  );
}

/** A name's words with no space between: オガワ リサ and オガワリサ meet, as 小川 理沙 and 小川理沙. */
export function compactForSearch(text: string): string {
  return normalizeForSearch(text).replace(/ /g, '');
}

/** Digits of a phone number, so 080-1234-5678, (080)1234 5678 and ０８０１２３４５６７８ meet. */
export function phoneDigits(text: string): string {
  return text.normalize('NFKC').replace(/\D+/g, '');
}

const PHONE_LIKE = /^[\d\s()+\-‐－ー―.]+$/;

/**
 * The pieces a query searches for, each of which must be found: its words, in any order
 * (`Thanh Nguyen` finds Nguyễn Văn Thành), or its digits when it looks like a phone.
 */
export function searchTerms(query: string): string[] {
  const normalized = normalizeForSearch(query);
  if (!normalized) return [];
  const nfkc = query.normalize('NFKC').trim();
  if (PHONE_LIKE.test(nfkc)) {
    const digits = phoneDigits(nfkc);
    if (digits.length >= 2 && digits !== normalized) return [digits];
  }
  return [...new Set(normalized.split(' '))];
}

/**
 * The stored search text of a record: its names and numbers, each compacted (no spaces, so a
 * name is found whatever spaces the query has), plus phone digits without punctuation. Parts
 * are joined by ' | '; the duplicate check reads the first two (name, kana).
 */
export function buildSearchText(values: (string | null | undefined)[], phones: (string | null | undefined)[] = []): string {
  const parts = values.filter((v): v is string => !!v).map(compactForSearch);
  for (const phone of phones) if (phone) parts.push(compactForSearch(phone), phoneDigits(phone));
  return parts.join(' | ');
}
