import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, ENDONYMS, FORM_LANGS, matchFormLang, negotiateFormLang, TEXT_KEYS } from '../server/public/i18n/index.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'server', 'public', 'i18n');

/** The script each catalogue must be written in (beyond shared names such as OFP and digits). */
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

describe('the residents’ form catalogues', () => {
  it('exist as one file per language, and only those', () => {
    const files = readdirSync(DIR)
      .filter((f) => !['index.ts', 'keys.ts'].includes(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual([...FORM_LANGS].sort());
    expect(Object.keys(ENDONYMS).sort()).toEqual([...FORM_LANGS].sort());
  });

  it('fill every key with a real text, and no other', () => {
    for (const lang of FORM_LANGS) {
      const catalogue = CATALOGUES[lang];
      expect(Object.keys(catalogue).sort(), lang).toEqual([...TEXT_KEYS].sort());
      for (const key of TEXT_KEYS) {
        const text = catalogue[key];
        expect(text.trim().length, `${lang}.${key}`).toBeGreaterThan(0);
        expect(text, `${lang}.${key}`).not.toMatch(/TODO|FIXME|XXX|\?\?\?|[Ll]orem ipsum/);
        const placeholders = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(placeholders, `${lang}.${key}`).toEqual(key === 'slots_hint' ? ['days', 'end', 'hours', 'start'] : []);
      }
    }
  });

  it('leave nothing in English outside en', () => {
    const en = CATALOGUES.en;
    for (const lang of FORM_LANGS.filter((l) => l !== 'en')) {
      const catalogue = CATALOGUES[lang];
      const english = TEXT_KEYS.filter((key) => catalogue[key] === en[key]);
      expect(english, `${lang}: texts identical to English`).toEqual([]);
      const script = SCRIPT[lang];
      if (script) {
        const wrongScript = TEXT_KEYS.filter((key) => !script.test(catalogue[key]));
        expect(wrongScript, `${lang}: texts without ${script}`).toEqual([]);
      }
    }
  });

  it('are imported by the page one at a time', () => {
    const loader = readFileSync(path.resolve(DIR, '..', '..', '..', 'admin', 'request', 'catalogue.ts'), 'utf8');
    for (const lang of FORM_LANGS) expect(loader).toContain(`import('../../server/public/i18n/${lang}')`);
    expect(loader).not.toMatch(/^import .*i18n\/(?!keys)/m);
  });

  it('match browser languages to form languages', () => {
    expect(matchFormLang('uk-UA')).toBe('uk');
    expect(matchFormLang('prs')).toBe('fa-AF');
    expect(matchFormLang('fa-IR')).toBe('fa-AF');
    expect(matchFormLang('zh-HK')).toBe('zh-Hant');
    expect(matchFormLang('zh-CN')).toBe('zh-Hans');
    expect(matchFormLang('fil-PH')).toBe('tl');
    expect(matchFormLang('pt-BR')).toBe('pt');
    expect(matchFormLang('ku')).toBeUndefined();
    expect(negotiateFormLang('ku;q=1, tr;q=0.8, en;q=0.5')).toBe('tr');
    expect(negotiateFormLang('en;q=0.2, my;q=0.9')).toBe('my');
    expect(negotiateFormLang(undefined)).toBe('ja');
  });
});
