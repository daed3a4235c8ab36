/**
 * Spreadsheet formula injection: a text cell that a spreadsheet would read as a formula (after
 * optional spaces, a BOM or control characters: = + - @ | % tab CR, or full-width ＝＋－＠) is
 * prefixed with ' so Excel shows it as text. Numbers are left alone and stay numbers.
 */
const FORMULA_START = /^[\s\uFEFF\x00-\x1F\x7F]*[=+\-@|%＝＋－＠]/;
const CONTROL_START = /^[\s\uFEFF\x00-\x1F\x7F]*[\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) || CONTROL_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: unknown): string | number {
  if (value == null) return '';
  if (typeof value === 'number') return value;
  return neutralise(String(value));
}
