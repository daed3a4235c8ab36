import { en_errors, ja_errors, type ErrorKey } from './messages/errors.js';
import { enumLabel } from './labels.js';

/**
 * Server sentences in the console's language. A sentence is a catalogue key with named
 * parameters ({name} in the catalogue's text), or a pair of ready-made texts; it is rendered
 * when the answer is written, in the language the request asked for.
 */
export type Lang = 'ja' | 'en';
export type { ErrorKey };

export type Bilingual = { readonly ja: string; readonly en: string };
export type Msg = { readonly key: ErrorKey; readonly params?: Readonly<Record<string, Param>> };
export type Param = string | number | Msg | Bilingual;
/** What an error carries: a key alone, a key with parameters, or both languages' texts. */
export type Text = ErrorKey | Msg | Bilingual;

const CATALOGUE: Record<Lang, Record<ErrorKey, string>> = { ja: ja_errors, en: en_errors };

export const msg = (key: ErrorKey, params?: Record<string, Param>): Msg => (params ? { key, params } : { key });
export const both = (ja: string, en: string): Bilingual => ({ ja, en });
/** A text already in the reader's language (the public form's, chosen by the form): the same in every rendering. */
export const sameIn = (text: string): Bilingual => both(text, text);
/** An enum value's label in each language (「確定」 / "Confirmed"). */
export const enumText = (enumName: string, value: string): Bilingual =>
  both(enumLabel(enumName, value, 'ja'), enumLabel(enumName, value, 'en'));
/** A list of values joined the way each language lists them. */
export const listText = (values: readonly (string | number)[]): Bilingual => both(values.join('、'), values.join(', '));

/** A sentence used inside another. */
export const asParam = (text: Text): Param => (typeof text === 'string' ? msg(text) : text);

export const keyOf = (text: Text): ErrorKey | undefined => (typeof text === 'string' ? text : 'key' in text ? text.key : undefined);

export function render(text: Text | number, lang: Lang): string {
  if (typeof text === 'number') return String(text);
  if (typeof text === 'string') return Object.hasOwn(CATALOGUE[lang], text) ? CATALOGUE[lang][text as ErrorKey] : text;
  if (!('key' in text)) return text[lang];
  const params = text.params ?? {};
  return CATALOGUE[lang][text.key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? renderParam(params[name] as Param, lang) : whole,
  );
}

/** A parameter's plain string is a value (a number, a name), never looked up. */
const renderParam = (param: Param, lang: Lang): string => (typeof param === 'string' ? param : render(param, lang));

/**
 * The console says which language it shows on every call (`Accept-Language: ja` or `en`).
 * English when the first language named is English, Japanese otherwise (and with no header).
 */
export function languageOf(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  return first === 'en' || first.startsWith('en-') ? 'en' : 'ja';
}

/**
 * Sentences a zod schema gives (`.max(n, schemaText('field.max_chars', { max: n }))`): zod keeps
 * only a string, so the Japanese rendering is remembered with its key and parameters and looked
 * up when the refusal is written. A catalogue text without parameters is found without it.
 */
const SCHEMA_TEXTS = new Map<string, Msg>();

export function schemaText(key: ErrorKey, params?: Record<string, Param>): string {
  const text = msg(key, params);
  const ja = render(text, 'ja');
  // Sentences are made once per schema; one holding a sent value is remembered up to a bound.
  if (SCHEMA_TEXTS.size < 10_000) SCHEMA_TEXTS.set(ja, text);
  return ja;
}

let byJapanese: Map<string, ErrorKey> | undefined;

/** The catalogue text a Japanese sentence was rendered from, if it was. */
export function fromJapanese(sentence: string): Text | undefined {
  const remembered = SCHEMA_TEXTS.get(sentence);
  if (remembered) return remembered;
  byJapanese ??= new Map(
    (Object.entries(CATALOGUE.ja) as [ErrorKey, string][]).filter(([, ja]) => !ja.includes('{')).map(([key, ja]) => [ja, key]),
  );
  return byJapanese.get(sentence);
}
