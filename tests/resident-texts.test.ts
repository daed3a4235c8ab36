import { describe, expect, it } from 'vitest';
import { FORM_LANGS } from '../server/public/i18n/index.js';
import { RESIDENT_TEXTS, residentLanguage, residentText } from '../server/messages/resident-texts.js';

/** The script each catalogue must be written in (beyond shared names and digits). */
const SCRIPT: Record<string, RegExp> = {
  ja: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  'ja-easy': /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
  'zh-Hans': /\p{Script=Han}/u,
  'zh-Hant': /\p{Script=Han}/u,
  ko: /\p{Script=Hangul}/u,
  ne: /\p{Script=Devanagari}/u,
  uk: /\p{Script=Cyrillic}/u,
  ru: /\p{Script=Cyrillic}/u,
  my: /\p{Script=Myanmar}/u,
  'fa-AF': /\p{Script=Arabic}/u,
  ps: /\p{Script=Arabic}/u,
};

/** Every text of a catalogue, by a dotted key (the date formatter aside). */
function texts(lang: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(v, `${key}.${i}`);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}.${k}` : k);
  };
  const { date: _date, ...rest } = RESIDENT_TEXTS[lang]!;
  walk(rest, '');
  return out;
}

const START = '2030-03-05T10:00:00+09:00';
const END = '2030-03-05T12:30:00+09:00';

/** How each language writes 10:00 and 12:30 (its digits, its separator). */
const HOURS: Record<string, [string, string]> = {
  ja: ['10:00', '12:30'],
  'ja-easy': ['10:00', '12:30'],
  en: ['10:00', '12:30'],
  'zh-Hans': ['10:00', '12:30'],
  'zh-Hant': ['10:00', '12:30'],
  ko: ['10:00', '12:30'],
  vi: ['10:00', '12:30'],
  ne: ['१०:००', '१२:३०'],
  uk: ['10:00', '12:30'],
  ru: ['10:00', '12:30'],
  tl: ['10:00', '12:30'],
  pt: ['10:00', '12:30'],
  id: ['10.00', '12.30'],
  my: ['၁၀:၀၀', '၁၂:၃၀'],
  tr: ['10:00', '12:30'],
  'fa-AF': ['۱۰:۰۰', '۱۲:۳۰'],
  ps: ['۱۰:۰۰', '۱۲:۳۰'],
};

/** The words for "Japan" in each language's date, so a reader knows which time it is. */
const JAPAN: Record<string, RegExp> = {
  ja: /^2030年3月5日/,
  'ja-easy': /^2030年3月5日/,
  en: /Japan time/,
  'zh-Hans': /日本时间/,
  'zh-Hant': /日本時間/,
  ko: /일본 시간/,
  vi: /giờ Nhật Bản/,
  ne: /जापान/,
  uk: /японським часом/,
  ru: /японскому времени/,
  tl: /oras sa Japan/,
  pt: /horário do Japão/,
  id: /waktu Jepang/,
  my: /ဂျပန်/,
  tr: /Japonya saati/,
  'fa-AF': /جاپان/,
  ps: /جاپان/,
};

describe('the residents’ message catalogues', () => {
  it('cover every language of the request form, and only those', () => {
    expect(Object.keys(RESIDENT_TEXTS).sort()).toEqual([...FORM_LANGS].sort());
  });

  it('fill every key with a real text in every language', () => {
    const keys = Object.keys(texts('en')).sort();
    expect(keys.length).toBeGreaterThan(20);
    for (const lang of FORM_LANGS) {
      const catalogue = texts(lang);
      expect(Object.keys(catalogue).sort(), lang).toEqual(keys);
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.trim().length, `${lang}.${key}`).toBeGreaterThan(0);
        expect(text, `${lang}.${key}`).not.toMatch(/TODO|FIXME|XXX|\?\?\?|[Ll]orem ipsum/);
      }
      expect(typeof RESIDENT_TEXTS[lang]!.date, lang).toBe('function');
    }
  });

  it('leave nothing in English outside en, and write each language in its script', () => {
    const en = texts('en');
    for (const lang of FORM_LANGS.filter((l) => l !== 'en')) {
      const catalogue = texts(lang);
      const english = Object.keys(catalogue).filter((key) => catalogue[key] === en[key]);
      expect(english, `${lang}: texts identical to English`).toEqual([]);
      const script = SCRIPT[lang];
      if (script) {
        const wrongScript = Object.keys(catalogue).filter((key) => !script.test(catalogue[key]!));
        expect(wrongScript, `${lang}: texts without ${script}`).toEqual([]);
      }
    }
  });

  it('write a Japan-time range with its hours, saying it is Japan time, in every language', () => {
    for (const lang of FORM_LANGS) {
      const text = RESIDENT_TEXTS[lang]!.date(START, END);
      const [from, to] = HOURS[lang]!;
      expect(text, lang).toContain(from);
      expect(text, lang).toContain(to);
      expect(text, lang).toMatch(JAPAN[lang]!);
      expect(text, lang).not.toMatch(/T10|\+09|Z\b/);
      if (SCRIPT[lang] && !['ja', 'ja-easy', 'zh-Hans', 'zh-Hant'].includes(lang)) expect(text, lang).toMatch(SCRIPT[lang]!);
    }
    expect(RESIDENT_TEXTS.ru!.date(START, END)).toBe('5 марта 2030 г., 10:00–12:30 (по японскому времени)');
    expect(RESIDENT_TEXTS.vi!.date(START, END)).toBe('10:00–12:30 ngày 05/03/2030 (giờ Nhật Bản)');
  });

  it('map the codes stored on requests and clients, and the form’s own codes, to a catalogue', () => {
    expect(residentLanguage('zh')).toBe('zh-Hans');
    expect(residentLanguage('zh-Hant')).toBe('zh-Hant');
    expect(residentLanguage('fa')).toBe('fa-AF');
    expect(residentLanguage('fa-AF')).toBe('fa-AF');
    expect(residentLanguage('prs')).toBe('fa-AF');
    expect(residentLanguage('vi')).toBe('vi');
    expect(residentLanguage('ps')).toBe('ps');
    expect(residentLanguage('pt')).toBe('pt');
    expect(residentLanguage('tl')).toBe('tl');
    expect(residentLanguage('my')).toBe('my');
    expect(residentLanguage('ne')).toBe('ne');
    expect(residentLanguage('uk')).toBe('uk');
    expect(residentLanguage('ja')).toBe('ja');
    expect(residentLanguage('ja-easy')).toBe('ja-easy');
    expect(residentLanguage('en')).toBe('en');
    expect(residentLanguage('de')).toBe('ja-easy');
    expect(residentLanguage('sw')).toBe('ja-easy');
    expect(residentLanguage('')).toBe('ja-easy');
    expect(residentLanguage(null)).toBe('ja-easy');
    expect(residentLanguage(undefined)).toBe('ja-easy');
  });

  it('build a message in the resident’s language', () => {
    const facts = {
      name: 'Nguyen Van An',
      start_at: new Date(START),
      end_at: new Date(END),
      where: '新宿ひまわりクリニック',
      online: false,
      volunteer: '山田 花子',
    };
    const m = residentText('confirmation', 'fa', facts);
    expect(m.language).toBe('fa-AF');
    expect(m.subject).toBe(RESIDENT_TEXTS['fa-AF']!.confirmation.subject);
    expect(m.body).toContain('۱۰:۰۰');
    expect(m.body).toContain('محل: 新宿ひまわりクリニック');
    expect(m.body).toContain('رضاکار: 山田 花子');
    const c = residentText('cancellation', 'zh', facts);
    expect(c.language).toBe('zh-Hans');
    expect(c.body).toContain('2030年3月5日 10:00–12:30（日本时间）');
  });
});
