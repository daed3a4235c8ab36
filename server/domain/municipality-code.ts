/**
 * 全国地方公共団体コード (local government code, JIS X 0402 + check digit).
 *
 * The 6-digit code is a 2-digit prefecture code, a 3-digit municipality code and a check
 * digit computed from the first five digits with weights 6,5,4,3,2 modulo 11:
 *
 *   sum = d1*6 + d2*5 + d3*4 + d4*3 + d5*2
 *   r   = sum % 11
 *   check digit = last digit of (11 - r), i.e. (11 - r) % 10
 *
 * so a remainder of 0 gives 1 (11 → 1) and a remainder of 1 gives 0 (10 → 0).
 * e.g. 13101 → 131016 千代田区, 13110 → 131105 目黒区, 13201 → 132012 八王子市,
 * and the remainder-0 case 11224 → 112241 戸田市, 12101 → 121011 千葉市中央区.
 */

const WEIGHTS = [6, 5, 4, 3, 2] as const;

/** Check digit for the first five digits of a 全国地方公共団体コード. Throws on malformed input. */
export function municipalityCheckDigit(first5: string): number {
  if (!/^[0-9]{5}$/.test(first5)) {
    throw new RangeError(`expected exactly 5 digits, got ${JSON.stringify(first5)}`);
  }
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    sum += (first5.charCodeAt(i) - 48) * WEIGHTS[i]!;
  }
  return (11 - (sum % 11)) % 10;
}

/** True when `code` is six ASCII digits whose last digit is the correct check digit. */
export function isValidMunicipalityCode(code: string): boolean {
  if (typeof code !== 'string' || !/^[0-9]{6}$/.test(code)) return false;
  return municipalityCheckDigit(code.slice(0, 5)) === Number(code[5]);
}
