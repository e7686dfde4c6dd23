import { expect } from 'vitest';

// Closeness for reference figures: |actual − expected| ≤ rel × max(|expected|, floor). The floor
// (default: the largest |expected| in the array) keeps entries that are tiny only by cancellation —
// an off-diagonal covariance near 0 — from demanding digits no double holds; for one number it is 0.

export function expectClose(actual: number | readonly number[], expected: number | readonly number[], rel = 1e-9, floor?: number): void {
  const a = typeof actual === 'number' ? [actual] : [...actual];
  const e = typeof expected === 'number' ? [expected] : [...expected];
  expect(a.length).toBe(e.length);
  const scale = floor ?? (e.length > 1 ? Math.max(...e.map(Math.abs)) : 0);
  e.forEach((ev, i) => {
    const av = a[i]!;
    const tol = rel * Math.max(Math.abs(ev), scale);
    if (!(Math.abs(av - ev) <= tol)) {
      throw new Error(`entry ${i}: got ${av}, expected ${ev} (|diff| ${Math.abs(av - ev)} > ${tol})`);
    }
  });
}
