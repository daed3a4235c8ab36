import { describe, expect, it } from 'vitest';
import { buildSearchText, compactForSearch, normalizeForSearch, searchTerms } from '../../server/domain/search.js';
import { duplicateKeys, duplicateMatch, nameOrders } from '../../server/people/duplicates.js';

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
  it('folds accents and diacritics, ヴ/ブ, ヴァ/バ and the long-vowel mark, and leaves voicing marks alone', () => {
    expect(normalizeForSearch('Nguyễn Văn Thành')).toBe('nguyen van thanh');
    expect(normalizeForSearch('Đặng Thị Ñúñez Øre Łódź Straße')).toBe('dang thi nunez ore lodz strasse');
    expect(normalizeForSearch('ヴィクトル')).toBe(normalizeForSearch('ビクトル'));
    expect(normalizeForSearch('コヴァレンコ')).toBe(normalizeForSearch('コバレンコ'));
    expect(normalizeForSearch('ヴ')).toBe('ぶ');
    expect(normalizeForSearch('カーン')).toBe(normalizeForSearch('カン'));
    expect(normalizeForSearch('ｶｰﾝ')).toBe('かん');
    expect(normalizeForSearch('ガッコウ パン')).toBe('がっこう ぱん');
    expect(normalizeForSearch('グエン・ヴァン')).toBe('ぐえん ばん');
  });

  it('ignores spaces and word order: every word of a query must be found, in any order', () => {
    expect(compactForSearch('オガワ リサ')).toBe(compactForSearch('オガワリサ'));
    expect(buildSearchText(['小川 理沙', 'オガワ リサ'])).toBe('小川理沙 | おがわりさ');
    expect(searchTerms('Thanh  Nguyen')).toEqual(['thanh', 'nguyen']);
    expect(searchTerms('080 1234 5678')).toEqual(['08012345678']);
  });

  it('takes a name in any word order, and the kana alone, as a possible duplicate', () => {
    expect(nameOrders('Thanh Nguyen')).toEqual(['thanhnguyen', 'nguyenthanh']);
    const row = { name: 'Nguyễn Văn Thành', name_kana: 'グエン ヴァン タン', phone: null, email: null };
    expect(duplicateMatch(duplicateKeys({ name: 'Thành Nguyễn Văn' }), row)).toEqual(['name']);
    expect(duplicateMatch(duplicateKeys({ name: 'Other', name_kana: 'グエンバンタン' }), row)).toEqual(['kana']);
    expect(duplicateMatch(duplicateKeys({ name: 'Nguyen Thanh' }), row)).toEqual([]);
  });
});
