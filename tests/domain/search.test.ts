import { describe, expect, it } from 'vitest';
import { buildSearchText, normalizeForSearch, searchTerms } from '../../server/domain/search.js';

describe('search normalisation', () => {
  it('folds half-width katakana, full-width latin and hiragana to one form', () => {
    expect(normalizeForSearch('ｺｳﾞｧﾚﾝｺ')).toBe(normalizeForSearch('コヴァレンコ'));
    expect(normalizeForSearch('こゔぁれんこ')).toBe(normalizeForSearch('コヴァレンコ'));
    expect(normalizeForSearch('ＯＬＥＮＡ')).toBe('olena');
    expect(normalizeForSearch('  Anna\u3000Lee ')).toBe('anna lee');
  });

  it('treats a phone-like query as digits, matching the stored phone digits', () => {
    expect(searchTerms('０８０１２３４５６７８')).toEqual(['08012345678']);
    expect(searchTerms('080-1234-5678')).toEqual(['08012345678']);
    expect(buildSearchText(['Name'], ['080-1234-5678'])).toContain('08012345678');
    expect(searchTerms('さくら')).toEqual(['さくら']);
    expect(searchTerms('   ')).toEqual([]);
  });
});
