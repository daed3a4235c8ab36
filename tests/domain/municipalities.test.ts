import { describe, it, expect } from 'vitest';
import { MUNICIPALITIES, type MunicipalityRow } from '../../seeds/data/municipalities.js';
import { isValidMunicipalityCode, municipalityCheckDigit } from '../../server/domain/municipality-code.js';

const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
const tokyo = MUNICIPALITIES.filter((m) => m.prefecture === '東京都');

function row(code: string): MunicipalityRow {
  const found = byCode.get(code);
  if (!found) throw new Error(`no municipality with code ${code}`);
  return found;
}

describe('municipalityCheckDigit / isValidMunicipalityCode', () => {
  it('matches known official codes', () => {
    expect(municipalityCheckDigit('13101')).toBe(6); // 千代田区 131016
    expect(municipalityCheckDigit('13110')).toBe(5); // 目黒区 131105
    expect(municipalityCheckDigit('13201')).toBe(2); // 八王子市 132012
    expect(municipalityCheckDigit('13000')).toBe(1); // 東京都 130001
    expect(municipalityCheckDigit('01000')).toBe(6); // 北海道 010006
  });

  it('uses the last digit of 11 - remainder (remainder 0 → 1, remainder 1 → 0)', () => {
    expect(municipalityCheckDigit('11224')).toBe(1); // 戸田市 112241 (sum 33, remainder 0)
    expect(municipalityCheckDigit('12101')).toBe(1); // 千葉市中央区 121011 (sum 22, remainder 0)
    expect(municipalityCheckDigit('01110')).toBe(0); // 札幌市清田区 011100 (sum 12, remainder 1)
  });

  it('rejects malformed input', () => {
    expect(() => municipalityCheckDigit('1310')).toThrow();
    expect(() => municipalityCheckDigit('131016')).toThrow();
    expect(() => municipalityCheckDigit('13a01')).toThrow();
    expect(isValidMunicipalityCode('131016')).toBe(true);
    expect(isValidMunicipalityCode('131017')).toBe(false);
    expect(isValidMunicipalityCode('13101')).toBe(false);
    expect(isValidMunicipalityCode('1310160')).toBe(false);
    expect(isValidMunicipalityCode('13101a')).toBe(false);
    expect(isValidMunicipalityCode(' 131016')).toBe(false);
    expect(isValidMunicipalityCode('')).toBe(false);
  });
});

describe('MUNICIPALITIES', () => {
  it('has a valid check digit on every code', () => {
    const invalid = MUNICIPALITIES.filter((m) => !isValidMunicipalityCode(m.code)).map((m) => m.code);
    expect(invalid).toEqual([]);
  });

  it('has unique codes, ordered by code', () => {
    const codes = MUNICIPALITIES.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
  });

  it('has every field filled in', () => {
    for (const m of MUNICIPALITIES) {
      expect(m.name_ja).not.toBe('');
      expect(m.name_kana).toMatch(/^[\u3041-\u3096ー]+$/);
      expect(m.name_en).toMatch(/^[A-Z][a-z]+$/);
      expect(['東京都', '神奈川県', '埼玉県', '千葉県']).toContain(m.prefecture);
      expect(m.code.slice(0, 2)).toBe({ 東京都: '13', 神奈川県: '14', 埼玉県: '11', 千葉県: '12' }[m.prefecture]);
    }
  });

  it('has all 62 municipalities of 東京都: 23 wards, 26 cities, 5 towns, 8 villages', () => {
    expect(tokyo).toHaveLength(62);
    const wards = tokyo.filter((m) => m.name_ja.endsWith('区'));
    expect(wards).toHaveLength(23);
    for (const w of wards) {
      expect(Number(w.code)).toBeGreaterThanOrEqual(131016);
      expect(Number(w.code)).toBeLessThanOrEqual(131237);
    }
    expect(tokyo.filter((m) => m.name_ja.endsWith('市'))).toHaveLength(26);
    expect(
      tokyo
        .filter((m) => m.name_ja.endsWith('町'))
        .map((m) => m.name_ja)
        .sort(),
    ).toEqual(['大島町', '奥多摩町', '日の出町', '瑞穂町', '八丈町'].sort());
    expect(
      tokyo
        .filter((m) => m.name_ja.endsWith('村'))
        .map((m) => m.name_ja)
        .sort(),
    ).toEqual(['檜原村', '利島村', '新島村', '神津島村', '三宅村', '御蔵島村', '青ヶ島村', '小笠原村'].sort());
  });

  it('has the 23 special wards with their official codes', () => {
    const expected: [string, string, string][] = [
      ['131016', '千代田区', 'Chiyoda'],
      ['131024', '中央区', 'Chuo'],
      ['131032', '港区', 'Minato'],
      ['131041', '新宿区', 'Shinjuku'],
      ['131059', '文京区', 'Bunkyo'],
      ['131067', '台東区', 'Taito'],
      ['131075', '墨田区', 'Sumida'],
      ['131083', '江東区', 'Koto'],
      ['131091', '品川区', 'Shinagawa'],
      ['131105', '目黒区', 'Meguro'],
      ['131113', '大田区', 'Ota'],
      ['131121', '世田谷区', 'Setagaya'],
      ['131130', '渋谷区', 'Shibuya'],
      ['131148', '中野区', 'Nakano'],
      ['131156', '杉並区', 'Suginami'],
      ['131164', '豊島区', 'Toshima'],
      ['131172', '北区', 'Kita'],
      ['131181', '荒川区', 'Arakawa'],
      ['131199', '板橋区', 'Itabashi'],
      ['131202', '練馬区', 'Nerima'],
      ['131211', '足立区', 'Adachi'],
      ['131229', '葛飾区', 'Katsushika'],
      ['131237', '江戸川区', 'Edogawa'],
    ];
    const actual = tokyo.filter((m) => m.name_ja.endsWith('区')).map((m): [string, string, string] => [m.code, m.name_ja, m.name_en]);
    expect(actual).toEqual(expected);
    expect(row('131016').name_kana).toBe('ちよだく');
    expect(row('131105').name_kana).toBe('めぐろく');
  });

  it('has the Tama cities with their official codes', () => {
    const expected: Record<string, string> = {
      '132012': '八王子市',
      '132021': '立川市',
      '132039': '武蔵野市',
      '132047': '三鷹市',
      '132080': '調布市',
      '132098': '町田市',
      '132152': '国立市',
      '132292': '西東京市',
    };
    for (const [code, name] of Object.entries(expected)) {
      expect(row(code).name_ja).toBe(name);
      expect(row(code).prefecture).toBe('東京都');
    }
    expect(row('132012').name_en).toBe('Hachioji');
  });

  it('puts the wards, the Tama cities, 瑞穂町 and 日の出町 in the service area', () => {
    for (const m of tokyo.filter((t) => t.name_ja.endsWith('区') || t.name_ja.endsWith('市'))) {
      expect(m.in_service_area, m.name_ja).toBe(true);
    }
    expect(row('133035')).toMatchObject({ name_ja: '瑞穂町', in_service_area: true });
    expect(row('133051')).toMatchObject({ name_ja: '日の出町', in_service_area: true });
  });

  it('leaves 檜原村, 奥多摩町 and the islands out of the service area', () => {
    const outside = tokyo.filter((m) => !m.in_service_area).map((m) => m.code);
    expect(outside).toEqual([
      '133078', // 檜原村
      '133086', // 奥多摩町
      '133612', // 大島町
      '133621', // 利島村
      '133639', // 新島村
      '133647', // 神津島村
      '133817', // 三宅村
      '133825', // 御蔵島村
      '134015', // 八丈町
      '134023', // 青ヶ島村
      '134210', // 小笠原村
    ]);
  });

  it('has the neighbouring cities, all in the service area', () => {
    const expected: [string, string, string, string][] = [
      ['141003', '横浜市', 'Yokohama', '神奈川県'],
      ['141305', '川崎市', 'Kawasaki', '神奈川県'],
      ['111007', 'さいたま市', 'Saitama', '埼玉県'],
      ['112038', '川口市', 'Kawaguchi', '埼玉県'],
      ['121002', '千葉市', 'Chiba', '千葉県'],
      ['122033', '市川市', 'Ichikawa', '千葉県'],
      ['122076', '松戸市', 'Matsudo', '千葉県'],
      ['122041', '船橋市', 'Funabashi', '千葉県'],
      ['122271', '浦安市', 'Urayasu', '千葉県'],
    ];
    for (const [code, name, en, pref] of expected) {
      expect(row(code)).toMatchObject({ name_ja: name, name_en: en, prefecture: pref, in_service_area: true });
    }
    const outsideTokyo = MUNICIPALITIES.filter((m) => m.prefecture !== '東京都');
    expect(outsideTokyo.length).toBeGreaterThanOrEqual(expected.length);
    for (const m of outsideTokyo) {
      expect(m.in_service_area, m.name_ja).toBe(true);
      expect(m.name_ja.endsWith('市')).toBe(true);
    }
  });
});
