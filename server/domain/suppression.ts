/**
 * Small-count suppression for figures given to outsiders. A count from 1 to threshold − 1 is
 * shown as "<threshold" (0 identifies nobody and stays). Where cells add up to a published
 * total, one hidden cell could be recovered by subtraction, so the next smallest is hidden too.
 */
export type Value = number | string | null;

export const isSmall = (v: Value, threshold: number) => typeof v === 'number' && v > 0 && v < threshold;

export function suppressCount(v: Value, threshold: number): Value {
  return isSmall(v, threshold) ? `<${threshold}` : v;
}

/** Suppresses the cells of one partition of a total, with secondary suppression. */
export function suppressPartition(cells: Value[], threshold: number, totalHidden = false): Value[] {
  if (totalHidden) return cells.map((c) => (typeof c === 'number' && c > 0 ? `<${threshold}` : c));
  const hidden = cells.map((c) => isSmall(c, threshold));
  if (hidden.filter(Boolean).length === 1) {
    const candidates = cells.flatMap((c, i) => (!hidden[i] && typeof c === 'number' && c > 0 ? [{ c, i }] : [])).sort((a, b) => a.c - b.c);
    if (candidates[0]) hidden[candidates[0].i] = true;
  }
  return cells.map((c, i) => (hidden[i] ? (isSmall(c, threshold) ? `<${threshold}` : '*') : c));
}
