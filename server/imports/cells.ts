import { COUNTRY_CODES, countryName, LANGUAGE_CODES, languageName } from '../domain/iso.js';
import { COUNTRY_ALIASES, LANGUAGE_ALIASES } from '../domain/iso-aliases.js';
import { enumLabel } from '../domain/labels.js';
import type { CellKind } from './columns.js';

/**
 * One spreadsheet cell → the value the API expects. Values we cannot recognise are passed on
 * as typed, so the API's own validation words the problem; only cells with no JSON shape to
 * pass on (yes/no, counts, times) are refused here.
 */
export type Cell = { value: unknown } | { error: string };
export type Lookups = { partners: Map<string, number[]> };

/** How names are compared: width, case and runs of spaces do not matter. */
export const lookupKey = (text: string) => text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
const key = lookupKey;

function nameIndex(
  codes: readonly string[],
  name: (code: string, lang: 'ja' | 'en') => string,
  aliases: Record<string, string> = {},
): Map<string, string> {
  const index = new Map<string, string>();
  for (const code of codes) for (const label of [name(code, 'en'), name(code, 'ja'), code]) index.set(key(label), code);
  // The names staff type (タガログ語, 香港, Turkey): our own tables, beside the ISO names.
  for (const [alias, code] of Object.entries(aliases)) index.set(key(alias), code);
  return index;
}

let languages: Map<string, string> | undefined;
let countries: Map<string, string> | undefined;
const enums = new Map<string, Map<string, string>>();

function enumIndex(name: string, values: readonly string[]): Map<string, string> {
  let index = enums.get(name);
  if (!index) {
    index = nameIndex(values, (v, lang) => enumLabel(name, v, lang));
    enums.set(name, index);
  }
  return index;
}

/** Lists are separated by commas, 、, ・, / or ; and — unless a whole piece is a known name — spaces. */
function listOf(text: string, index?: Map<string, string>): string[] {
  const pieces = text
    .normalize('NFKC')
    .split(/[,、;/・\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return pieces.flatMap((piece) => (index?.has(key(piece)) ? [piece] : piece.split(/\s+/)));
}

const mapped = (pieces: string[], index: Map<string, string>) => pieces.map((p) => index.get(key(p)) ?? p);

/** Enumerations are known in full here, so the message can offer the words staff see on screen. */
function choice(name: string, values: readonly string[], pieces: string[]): Cell {
  const index = enumIndex(name, values);
  const unknown = pieces.find((p) => !index.has(key(p)));
  if (unknown === undefined) return { value: mapped(pieces, index) };
  const choices = values.map((v) => `${enumLabel(name, v, 'ja')} (${v})`).join('、');
  return { error: `「${unknown}」は選べません。次のいずれかで入力してください: ${choices}` };
}

const YES = new Set(['はい', '○', '〇', '◯', 'true', '1', 'yes', 'y', '可']);
const NO = new Set(['いいえ', '×', '✕', 'false', '0', 'no', 'n', '不可']);

function bool(text: string): Cell {
  const k = key(text);
  if (YES.has(k)) return { value: true };
  if (NO.has(k)) return { value: false };
  return { error: 'はい・いいえ (○・×、1・0、yes・no も可) で入力してください。' };
}

function count(text: string): Cell {
  const k = key(text);
  return /^\d{1,6}$/.test(k) ? { value: Number(k) } : { error: '0 以上の整数で入力してください。' };
}

const two = (n: number) => String(n).padStart(2, '0');

/** Excel shows times as 2025/4/1 10:00 in Japan time; the API wants ISO 8601 with offset. */
function datetime(text: string): Cell {
  const k = text.normalize('NFKC').trim();
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(k)) return { value: k };
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(k);
  if (!m) return { error: '日時は 2025-04-01 10:00 (日本時間) の形式で入力してください。' };
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 2025-02-30 over into March; only a real date survives the round trip.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return { error: `「${k}」は存在しない日時です。` };
  }
  return { value: `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}+09:00` };
}

const WEEKDAYS: Record<string, number> = { 月: 1, 火: 2, 水: 3, 木: 4, 金: 5, 土: 6, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const WINDOW =
  /^(月|火|水|木|金|土|日|mon|tue|wed|thu|fri|sat|sun|[0-7])(?:曜日|曜)?\s*(\d{1,2}):(\d{2})\s*[-~〜–—‐ー]\s*(\d{1,2}):(\d{2})$/;

/** 「月 09:00-12:00; 土 08:30-18:00」→ [{weekday: 1, start: '09:00', end: '12:00'}, …] */
function availability(text: string): Cell {
  const windows = [];
  const parts = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[;,、\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const [i, part] of parts.entries()) {
    const m = WINDOW.exec(part);
    if (!m) return { error: `${i + 1} 番目「${part}」を読めません。「月 09:00-12:00; 土 08:30-18:00」の形で入力してください。` };
    const [, day, h1, m1, h2, m2] = m;
    const weekday = WEEKDAYS[day!] ?? Number(/^\d$/.test(day!) ? day : 0);
    if (weekday < 1 || weekday > 6) return { error: `${i + 1} 番目「${part}」: 曜日は月〜土 (1〜6) です。` };
    windows.push({ weekday, start: `${two(Number(h1))}:${m1}`, end: `${two(Number(h2))}:${m2}` });
  }
  return { value: windows };
}

function partner(text: string, lookups: Lookups): Cell {
  const ids = lookups.partners.get(key(text)) ?? (/^\d+$/.test(key(text)) ? [Number(key(text))] : []);
  if (ids.length === 1) return { value: ids[0] };
  if (ids.length > 1) return { error: `「${text.trim()}」という名前の関連団体が複数あります。ID で指定してください。` };
  return { error: `関連団体「${text.trim()}」が見つかりません。関連団体の一覧にある名前で入力してください。` };
}

/** Empty cells become absent fields, so the API's defaults apply exactly as in the console. */
export function convertCell(kind: CellKind, raw: string, lookups: Lookups): Cell | undefined {
  if (raw.trim() === '') return undefined;
  if (typeof kind === 'object' && 'enum' in kind) {
    const cell = choice(kind.enum, kind.values, [raw.trim()]);
    return 'value' in cell && Array.isArray(cell.value) ? { value: cell.value[0] } : cell;
  }
  if (typeof kind === 'object') return choice(kind.enumList, kind.values, listOf(raw, enumIndex(kind.enumList, kind.values)));
  switch (kind) {
    case 'code':
      return { value: raw.normalize('NFKC').trim() };
    case 'codes':
      return {
        value: raw
          .normalize('NFKC')
          .split(/[\s,、;/・]+/)
          .filter(Boolean),
      };
    case 'languages': {
      languages ??= nameIndex(LANGUAGE_CODES, languageName, LANGUAGE_ALIASES);
      return { value: mapped(listOf(raw, languages), languages) };
    }
    case 'country': {
      countries ??= nameIndex(COUNTRY_CODES, countryName, COUNTRY_ALIASES);
      return { value: countries.get(key(raw)) ?? raw.trim() };
    }
    case 'bool':
      return bool(raw);
    case 'count':
      return count(raw);
    case 'datetime':
      return datetime(raw);
    case 'availability':
      return availability(raw);
    case 'partner':
      return partner(raw, lookups);
    default:
      return { value: raw };
  }
}
