import { describe, expect, it } from 'vitest';
import { changeOf } from '../../admin/reports/format.js';

describe('report changes as the console shows them', () => {
  it('marks an increase with + and a decrease with − (▲ reads as minus in Japanese accounting)', () => {
    expect(changeOf(12, 10, 'count', 'ja-JP')).toEqual({ direction: 'up', text: '+2' });
    expect(changeOf(8, 10, 'count', 'ja-JP')).toEqual({ direction: 'down', text: '−2' });
    expect(changeOf(0.5, 0.25, 'rate', 'ja-JP')?.text).toBe('+25pt');
    for (const dir of ['up', 'down'] as const) {
      const c = changeOf(dir === 'up' ? 3 : 1, 2, 'count', 'ja-JP');
      expect(c?.text).not.toMatch(/[▲▼△]/);
    }
  });
});
