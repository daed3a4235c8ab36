import { describe, expect, it } from 'vitest';
import { en_errors, ja_errors } from '../server/domain/messages/errors.js';
import { languageOf, msg, render } from '../server/domain/sentences.js';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogue of server sentences', () => {
  it('has every key in both languages, with the same named parameters', () => {
    expect(Object.keys(en_errors).sort()).toEqual(Object.keys(ja_errors).sort());
    const mismatched = Object.keys(ja_errors).filter(
      (key) => params(ja_errors[key as keyof typeof ja_errors]).join() !== params(en_errors[key as keyof typeof en_errors]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('has a sentence in each language: Japanese in Japanese, English without Japanese script', () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    // The English sentences name 資格確認書-style documents only through en_enums, never here.
    expect(Object.entries(en_errors).filter(([, en]) => !en.trim() || japanese.test(en))).toEqual([]);
    expect(Object.entries(ja_errors).filter(([, ja]) => !ja.trim())).toEqual([]);
    // One Japanese sentence, one key: a schema's sentence is found by its words.
    const seen = new Map<string, string>();
    for (const [key, ja] of Object.entries(ja_errors)) {
      expect(seen.get(ja), `${key} repeats ${seen.get(ja)}`).toBeUndefined();
      seen.set(ja, key);
    }
  });

  it('renders parameters, nested sentences included, in the language asked for', () => {
    const text = msg('not_found', { what: msg('noun.request') });
    expect(render(text, 'ja')).toBe('依頼が見つかりません。');
    expect(render(text, 'en')).toBe('The request was not found.');
    expect(render('forbidden', 'en')).toBe('You do not have permission to do this.');
  });

  it('chooses English only when English comes first', () => {
    expect(languageOf(undefined)).toBe('ja');
    expect(languageOf('en')).toBe('en');
    expect(languageOf('en-US,en;q=0.9')).toBe('en');
    expect(languageOf('ja,en;q=0.8')).toBe('ja');
    expect(languageOf('fr')).toBe('ja');
    expect(languageOf('english')).toBe('ja');
  });
});
