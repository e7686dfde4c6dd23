import { mean, sampleVariance } from 'simple-statistics';
import type { WelchFigure } from '../../../src-shared/impact/its-types';
import { tQuantile } from './student-t';

// Welch's t interval for the difference of two means with unequal variances (the impact's secondary
// figure); the t quantile comes from student-t.ts, which polishes jStat's inverse:
//   d = mean(after) − mean(before);  se = √(s₁²/n₁ + s₂²/n₂);
//   df = (s₁²/n₁ + s₂²/n₂)² ÷ [ (s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1) ]   (Welch–Satterthwaite);
//   interval = d ± t(1 − α/2; df) × se.

/** The same figure the impact result carries (its-types.ts). */
export type WelchInterval = WelchFigure;

/** The interval for mean(after) − mean(before); both need at least 2 values. */
export function welchInterval(before: number[], after: number[], level = 0.95): WelchInterval {
  if (before.length < 2 || after.length < 2) throw new Error('Welch interval needs at least 2 values on each side');
  const n1 = before.length;
  const n2 = after.length;
  const v1 = sampleVariance(before) / n1;
  const v2 = sampleVariance(after) / n2;
  const diff = mean(after) - mean(before);
  const se = Math.sqrt(v1 + v2);
  if (se === 0) {
    // Both sides constant: no uncertainty left to estimate; the interval is the difference itself.
    return { diff, se: 0, df: n1 + n2 - 2, t: tQuantile(1 - (1 - level) / 2, n1 + n2 - 2), low: diff, high: diff };
  }
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1));
  const t = tQuantile(1 - (1 - level) / 2, df);
  return { diff, se, df, t, low: diff - t * se, high: diff + t * se };
}
