import { analyseImpact, excludesZero } from '../../src-main/services/impact/its';
import type { SeriesPoint } from '../../src-shared/impact/its-types';
import { mulberry32, noise, normals } from './impact-prng';

// Simulated series for the calibration test (calibration.test.ts) and the longer bench
// (bench-calibration.ts): how often does the verdict claim an effect where none was put in, and
// how often does it find one that was?

/** One family of simulated series. */
export interface Family {
  /** Short name for tables. */
  name: string;
  /** AR(1) coefficient of the noise (0: independent). */
  phi: number;
  /** Slope per period, in noise sds (a plain linear trend, no break). */
  slope: number;
  /** Level step at the start, in noise sds (0: no effect). */
  step: number;
  /** Any other shape added to the series, by position t (misspecification probes). */
  shape?: (t: number) => number;
}

/** What the engine said over a family. */
export interface FamilyRates {
  /** The family simulated. */
  family: Family;
  /** Series simulated. */
  count: number;
  /** Share whose verdict was improved or worsened. */
  claimed: number;
  /** Share whose effect interval excluded 0 (before the placebo check). */
  intervalExcludesZero: number;
  /** Share whose placebo check failed, or could not be judged. */
  placeboFailed: number;
  /** Share where the AR(1) variant's effect interval excluded 0. */
  ar1ExcludesZero: number;
  /** Share where Welch's before/after interval excluded 0 (the old method). */
  welchExcludesZero: number;
  /** How many series had 0, 1, 2, … significant placebo pseudo-starts. */
  placeboCounts: number[];
}

export const BEFORE = 24;
export const AFTER = 12;

/** The families the issue asks for (calibration.test.ts); the bench adds more. */
export const FAMILIES: Family[] = [
  { name: 'independent', phi: 0, slope: 0, step: 0 },
  { name: 'AR(1) φ=0.3', phi: 0.3, slope: 0, step: 0 },
  { name: 'AR(1) φ=0.5', phi: 0.5, slope: 0, step: 0 },
  { name: 'linear trend', phi: 0, slope: 0.1, step: 0 },
  { name: 'step 2 sd', phi: 0, slope: 0, step: 2 },
];

/** A series of BEFORE + AFTER monthly points around level 100, noise sd 1. */
export function simulateSeries(normal: () => number, f: Family): SeriesPoint[] {
  const e = noise(normal, BEFORE + AFTER, { phi: f.phi, sd: 1 });
  return e.map((v, t) => ({
    period: `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}-01`,
    value: 100 + f.slope * t + (t >= BEFORE ? f.step : 0) + (f.shape ? f.shape(t) : 0) + v,
  }));
}

/** Runs `count` series of a family from `seed` (the same seed gives the same rates). */
export function simulateFamily(f: Family, count: number, seed: number): FamilyRates {
  const normal = normals(mulberry32(seed));
  let claimed = 0;
  let interval = 0;
  let placebo = 0;
  let ar1 = 0;
  let welch = 0;
  const placeboCounts: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = analyseImpact({ points: simulateSeries(normal, f), start: BEFORE, direction: 'higher' });
    if (r.verdict !== 'no_clear_effect') claimed++;
    if (r.effect && excludesZero(r.effect)) interval++;
    if (r.placebo.status !== 'passed') placebo++;
    if (r.ar1 && excludesZero(r.ar1.effect)) ar1++;
    if (r.welch && excludesZero(r.welch)) welch++;
    const k = r.placebo.significant;
    while (placeboCounts.length <= k) placeboCounts.push(0);
    placeboCounts[k] = placeboCounts[k]! + 1;
  }
  return {
    family: f,
    count,
    claimed: claimed / count,
    intervalExcludesZero: interval / count,
    placeboFailed: placebo / count,
    ar1ExcludesZero: ar1 / count,
    welchExcludesZero: welch / count,
    placeboCounts,
  };
}
