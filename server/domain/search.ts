/**
 * Normalisation behind every `q` search, applied both to the stored `search_text` and to the
 * query, so matching is insensitive to full-/half-width forms, hiragana/katakana and case.
 */
const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KANA_OFFSET = 0x60;

export function normalizeForSearch(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase();
  let out = '';
  for (const ch of nfkc) {
    const code = ch.codePointAt(0)!;
    out += code >= KATAKANA_START && code <= KATAKANA_END ? String.fromCodePoint(code - KANA_OFFSET) : ch;
  }
  // ゔ (from ヴ) survives as its own letter; fold the long-vowel marks and spaces that differ in input.
  return out.replace(/[\s\u3000]+/g, ' ').trim();
}

/** Digits of a phone number, so 080-1234-5678, (080)1234 5678 and ０８０１２３４５６７８ meet. */
export function phoneDigits(text: string): string {
  return text.normalize('NFKC').replace(/\D+/g, '');
}

const PHONE_LIKE = /^[\d\s()+\-‐－ー―.]+$/;

/** The pieces a query searches for: the normalised text, and its digits when it looks like a phone. */
export function searchTerms(query: string): string[] {
  const normalized = normalizeForSearch(query);
  if (!normalized) return [];
  const nfkc = query.normalize('NFKC').trim();
  if (PHONE_LIKE.test(nfkc)) {
    const digits = phoneDigits(nfkc);
    if (digits.length >= 2 && digits !== normalized) return [digits];
  }
  return [normalized];
}

/** The stored search text of a record: its names and numbers, plus phone digits without punctuation. */
export function buildSearchText(values: (string | null | undefined)[], phones: (string | null | undefined)[] = []): string {
  const parts = values.filter((v): v is string => !!v).map(normalizeForSearch);
  for (const phone of phones) if (phone) parts.push(normalizeForSearch(phone), phoneDigits(phone));
  return parts.join(' | ');
}
