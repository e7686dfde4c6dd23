import { describe, expect, it } from 'vitest';
import { SharedStrings } from '../../src-main/services/imports/xlsx-shared-strings';

// The shared strings kept as UTF-8 bytes: every string comes back exactly, whatever its characters
// and however the buffers grew, from the slot cache or decoded again; an index that names no string
// gives undefined.

describe('a workbook\'s shared strings kept as bytes', () => {
  it('gives back every string exactly, across growth, the slot cache and a seal', () => {
    const t = new SharedStrings();
    const all: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const s = i % 7 === 0 ? '' : i % 5 === 0 ? `relance fournisseur n° ${i} — 😀 ${'x'.repeat(i % 300)}` : `KPI ${i}`;
      all.push(s);
      t.push(s);
    }
    expect(t.length).toBe(all.length);
    const check = () => {
      // In order, then strided so that slots are reused by other indexes (4096 apart).
      for (let i = 0; i < all.length; i++) expect(t.get(i)).toBe(all[i]);
      for (let k = 0; k < 3; k++) for (let i = k; i < all.length; i += 4096) expect(t.get(i)).toBe(all[i]);
      expect(t.get(4096 + 5)).toBe(all[4096 + 5]);
      expect(t.get(5)).toBe(all[5]);
    };
    check();
    t.seal();
    check();
    t.push('après le sceau');
    expect(t.get(all.length)).toBe('après le sceau');
    expect(t.get(all.length - 1)).toBe(all.at(-1));
  });

  it('an index that names no string is undefined', () => {
    const t = new SharedStrings();
    t.push('a');
    t.seal();
    for (const i of [-1, 1, 2, 0.5, Number.NaN]) expect(t.get(i)).toBeUndefined();
    expect(t.get(0)).toBe('a');
  });
});
