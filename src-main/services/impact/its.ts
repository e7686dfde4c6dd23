import { ar1Reml } from './ar1';
import type {
  Ar1Variant,
  Estimate,
  Horizon,
  ItsEffect,
  ItsInput,
  ItsModel,
  ItsReason,
  ItsResult,
  ItsWindow,
  Placebo,
  PlaceboStart,
  PreTrend,
  SeriesPoint,
} from '../../../src-shared/impact/its-types';
import { fitOls, neweyWestCov, neweyWestLag, quadraticForm } from './ols';
import { tQuantile, tTwoSidedP } from './student-t';
import { welchInterval } from './welch';

// Impact of an intervention as an interrupted time series (segmented regression):
//   y_t = b₀ + b₁·τ + b₂·D_t + b₃·τ·D_t + e_t,   τ = t − T₁,   D_t = 1 when t ≥ T₁,
// where t is the position in the series and T₁ = start + ramp-up is the first "after" point used.
// b₁ is the slope before, b₂ the level change at T₁, b₃ the change of slope; the effect at horizon
// h is b₂ + b₃·h, the gap between the after line and the before line carried forward.
//
// Why this rather than Welch's before/after: a trend that was already there, or slow autocorrelated
// drift, moves the mean after away from the mean before with no intervention at all; the segmented
// model carries the trend forward and only credits a break in it.
//
// Uncertainty, two ways, and the verdict needs both:
//  - Newey–West HAC (Bartlett kernel, lag floor(4(n/100)^(2/9)), no prewhitening, small-sample
//    factor n/(n − k), t with n − k df): the headline interval, model-free about autocorrelation.
//  - AR(1) errors by REML (ar1.ts): models the autocorrelation.
// Why both: at these lengths (30–40 points) HAC is known to be too optimistic — in our simulations
// (bench-calibration.ts, 24 + 12 points) its 95% interval excludes 0 in 13% of independent-noise
// series with no effect and 23% with AR(1) φ = 0.5, because a 3-lag kernel cannot see the slow
// drift that the two fitted lines partly absorb. The REML AR(1) interval holds 6% and 8.5% there. Requiring both to exclude 0 on the same side keeps the
// headline interval (HAC) consistent with the verdict and the false-effect rate at 5–8%
// (calibration.test.ts, bench-calibration.ts).
//
// Time is anchored at T₁ rather than at the start so that b₂ is the level once the intervention is
// in place; the ramp-up periods are in neither segment (they are neither "before" nor settled).
// Lags and the AR(1) treat the rows used as consecutive: with a ramp-up of r periods, rows T₀ − 1
// and T₁ are paired at lag 1 although r + 1 periods apart. Over a short ramp-up that overstates the
// autocorrelation across it slightly, which errs towards wider intervals.

/** Fewest points before the start, and after the ramp-up, for a verdict (and for any fit). */
export const MIN_BEFORE = 8;
export const MIN_AFTER = 6;
/** The intervals' level. */
export const LEVEL = 0.95;
/** Placebo: fewest pseudo-starts for the check to count. */
export const PLACEBO_MIN_TRIES = 3;

/**
 * Placebo: the most pseudo-starts that may find an effect, max(1, ⌊0.4·tried⌋) (4 of 11 for 24
 * points before). Why 40% and not 10–20%: neighbouring pseudo-starts share most of their data, so
 * one chance excursion makes two or three of them "significant" together. With the 11 pseudo-starts
 * of 24 points, independent noise exceeds 4 in 2.1% of series, 3 in 4.2%, 2 in 8.6% (bench); every
 * false alarm of the check is a real effect missed, and with 24 + 12 points a 2-sd step passes the
 * intervals in only ~83.5% of series, so a 20% rule (2 of 11) would take that to ~76%.
 */
export function placeboAllowed(tried: number): number {
  return Math.max(1, Math.floor((2 * tried) / 5));
}

const Q = 1 - (1 - LEVEL) / 2;

/** An estimate's interval and test; se = 0 gives a zero-width interval (a perfect fit). */
export function estimateOf(estimate: number, se: number, df: number, tCritical: number): Estimate {
  const t = estimate / se;
  return { estimate, se, low: estimate - tCritical * se, high: estimate + tCritical * se, t, p: se === 0 ? (estimate === 0 ? 1 : 0) : tTwoSidedP(t, df) };
}

/** True when the interval lies wholly on one side of 0. */
export const excludesZero = (e: { low: number; high: number }): boolean => e.low > 0 || e.high < 0;

/** +1 when the interval lies above 0, −1 below, 0 when it holds 0 (or there is none). */
export const sideOf = (e: { low: number; high: number } | null | undefined): -1 | 0 | 1 => (!e ? 0 : e.low > 0 ? 1 : e.high < 0 ? -1 : 0);

/** Rows [1, τ, D, τ·D] of the segmented design for series positions `ts` and break T₁. */
export function segmentedDesign(ts: readonly number[], t1: number): number[][] {
  return ts.map((t) => {
    const tau = t - t1;
    const d = t >= t1 ? 1 : 0;
    return [1, tau, d, tau * d];
  });
}

/** h for a horizon rule, given T₁ and the last after position. */
export function resolveHorizon(horizon: Horizon, t1: number, end: number): { h: number; rule: ItsEffect['horizonRule'] } {
  if (horizon === 'start') return { h: 0, rule: 'start' };
  if (horizon === 'mid') return { h: (end - t1) / 2, rule: 'mid' };
  if (horizon === 'end') return { h: end - t1, rule: 'end' };
  return { h: horizon, rule: 'given' };
}

/** The segmented fit on chosen rows, with everything derived from its HAC covariance. */
export interface SegmentedFit {
  /** The fit and its HAC covariance. */
  model: ItsModel;
  /** The design rows [1, τ, D, τ·D] and the values fitted (ramp-up left out). */
  X: number[][];
  /** The values, row by row with X. */
  y: number[];
  /** b₂ + b₃·h at the h asked for. */
  effect: Estimate;
  /** b₂. */
  levelChange: Estimate;
  /** b₃. */
  slopeChange: Estimate;
  /** b₁. */
  preTrend: Estimate;
}

function integerRange(from: number, toExclusive: number): number[] {
  const out: number[] = [];
  for (let i = from; i < toExclusive; i++) out.push(i);
  return out;
}

/**
 * Fits the model on before rows [from, start) and after rows [start + rampUp, end], reading the
 * effect at h. Null when the design is not identified (fewer than 2 distinct points on a side).
 */
export function fitSegmented(
  points: readonly SeriesPoint[],
  w: { from: number; start: number; rampUp: number; end: number },
  h: number,
  lag?: number,
): SegmentedFit | null {
  const t1 = w.start + w.rampUp;
  const ts = [...integerRange(w.from, w.start), ...integerRange(t1, w.end + 1)];
  const X = segmentedDesign(ts, t1);
  const y = ts.map((t) => points[t]!.value);
  const fit = fitOls(X, y);
  if (!fit || fit.df < 1) return null;
  const L = lag ?? neweyWestLag(fit.n);
  // A perfect fit (a constant series, or exact lines — it happens with rates stuck at 100%) leaves
  // residuals of rounding size: the covariance is then set to exactly 0 and estimates within
  // rounding of 0 to exactly 0, so that "the interval excludes 0" is not decided by 1e-15 noise.
  const ybar = y.reduce((s, v) => s + v, 0) / y.length;
  const tss = y.reduce((s, v) => s + (v - ybar) ** 2, 0);
  const perfectFit = fit.ssr <= 1e-20 * tss || tss === 0;
  const snap = 1e-9 * Math.max(...y.map(Math.abs));
  const cov = perfectFit ? fit.xtxInv.map((row) => row.map(() => 0)) : neweyWestCov(X, fit, L, true);
  const tCritical = tQuantile(Q, fit.df);
  const at = (c: number[]) => {
    const est = c.reduce((s, ci, i) => s + ci * fit.coef[i]!, 0);
    return estimateOf(perfectFit && Math.abs(est) <= snap ? 0 : est, Math.sqrt(quadraticForm(c, cov)), fit.df, tCritical);
  };
  const model: ItsModel = {
    n: fit.n,
    k: fit.k,
    df: fit.df,
    lag: L,
    lagRule: lag === undefined ? 'newey_west_1994' : 'given',
    tCritical,
    covariance: 'newey_west',
    coef: fit.coef,
    cov,
    baseline: at([1, 0, 0, 0]),
    residualSd: perfectFit ? 0 : Math.sqrt(fit.ssr / fit.df),
    perfectFit,
  };
  return {
    model,
    X,
    y,
    effect: at([0, 0, 1, h]),
    levelChange: at([0, 0, 1, 0]),
    slopeChange: at([0, 0, 0, 1]),
    preTrend: at([0, 1, 0, 0]),
  };
}

/**
 * The placebo check: the same model, ramp-up and horizon rule at each pseudo-start s inside the
 * pre-period [from, start), on pre-period data only, wherever s leaves MIN_BEFORE points before it
 * and MIN_AFTER after its pseudo ramp-up (so s runs from from + 8 to start − 6 − rampUp). A model
 * that finds "effects" where nothing happened is not to be believed where something did: the check
 * fails when more than placeboAllowed(tried) pseudo-starts are significant (by the verdict's own
 * rule), and cannot be judged with fewer than 3. A numeric horizon is capped at the pseudo window's
 * end. Pseudo-starts use the given lag, or the lag rule on their own (shorter) fits.
 * What it catches and what it does not (bench-calibration.ts measures both): a curved path that the
 * straight pre-period line misfits lights up many pseudo-starts; a misfit that the AR(1) fit reads
 * as strong autocorrelation (an earlier step, for one) widens the pseudo AR(1) intervals instead,
 * so few pseudo-starts count, and the main AR(1) interval is then what guards the verdict.
 */
export function placeboCheck(
  points: readonly SeriesPoint[],
  w: { from: number; start: number; rampUp: number },
  horizon: Horizon,
  lag?: number,
): Placebo {
  const end = w.start - 1;
  const starts: PlaceboStart[] = [];
  for (let s = w.from + MIN_BEFORE; s + w.rampUp + MIN_AFTER - 1 <= end; s++) {
    const t1 = s + w.rampUp;
    const r = resolveHorizon(horizon, t1, end);
    const h = Math.min(r.h, end - t1);
    const fit = fitSegmented(points, { from: w.from, start: s, rampUp: w.rampUp, end }, h, lag);
    if (!fit) continue;
    const e = fit.effect;
    // Significant by the verdict's own rule: HAC and AR(1) intervals both exclude 0 on one side
    // (a perfect fit needs no AR(1)). The AR(1) fit is only needed when the HAC one excludes 0.
    const side = sideOf(e);
    const significant = side !== 0 && (fit.model.perfectFit || sideOf(ar1Variant(fit, h)?.effect) === side);
    starts.push({ index: s, period: points[s]!.period, estimate: e.estimate, low: e.low, high: e.high, significant });
  }
  const tried = starts.length;
  const significant = starts.filter((s) => s.significant).length;
  const allowed = placeboAllowed(tried);
  const status = tried < PLACEBO_MIN_TRIES ? 'not_possible' : significant <= allowed ? 'passed' : 'failed';
  return { status, tried, significant, allowed, minTries: PLACEBO_MIN_TRIES, starts };
}

function checkInput(input: ItsInput): { from: number; start: number; end: number; rampUp: number } {
  const n = input.points.length;
  const from = input.from ?? 0;
  const end = input.end ?? n - 1;
  const rampUp = input.rampUp ?? 0;
  const int = (v: number) => Number.isInteger(v);
  if (![from, end, rampUp, input.start].every(int)) throw new RangeError('from, start, end and rampUp must be whole numbers');
  if (!(from >= 0 && from <= input.start && input.start <= end && end < n)) {
    throw new RangeError(`need 0 ≤ from ≤ start ≤ end < ${n}; got from ${from}, start ${input.start}, end ${end}`);
  }
  if (rampUp < 0) throw new RangeError('rampUp must be ≥ 0');
  if (input.lag !== undefined && !(int(input.lag) && input.lag >= 0)) throw new RangeError('lag must be a whole number ≥ 0');
  if (typeof input.horizon === 'number' && !(Number.isFinite(input.horizon) && input.horizon >= 0)) throw new RangeError('horizon must be ≥ 0');
  for (let i = from; i <= end; i++) {
    if (!Number.isFinite(input.points[i]!.value)) throw new RangeError(`value at index ${i} is not a finite number`);
  }
  return { from, start: input.start, end, rampUp };
}

const at = (points: readonly SeriesPoint[], index: number) => ({ index, period: points[index]!.period });

/** The windows as used; after and ramp-up are clipped to `end`. */
function windowOf(points: readonly SeriesPoint[], w: { from: number; start: number; end: number; rampUp: number }): ItsWindow {
  const t1 = w.start + w.rampUp;
  return {
    beforeFrom: at(points, w.from),
    beforeTo: w.start > w.from ? at(points, w.start - 1) : null,
    start: at(points, w.start),
    afterFrom: t1 <= w.end ? at(points, t1) : null,
    afterTo: at(points, w.end),
    before: w.start - w.from,
    after: Math.max(0, w.end - t1 + 1),
    rampUp: points.slice(w.start, Math.min(t1, w.end + 1)).map((p) => p.period),
  };
}

function ar1Variant(fit: SegmentedFit, h: number): Ar1Variant | null {
  const a = ar1Reml(fit.X, fit.y);
  if (!a) return null;
  const df = a.transformed.df;
  const tCritical = tQuantile(Q, df);
  const est = (c: number[]) => estimateOf(c.reduce((s, ci, i) => s + ci * a.coef[i]!, 0), Math.sqrt(quadraticForm(c, a.cov)), df, tCritical);
  return {
    rho: a.rho,
    df,
    coef: a.coef,
    cov: a.cov,
    effect: est([0, 0, 1, h]),
    levelChange: est([0, 0, 1, 0]),
    slopeChange: est([0, 0, 0, 1]),
  };
}

/**
 * The impact of one intervention on one indicator. Pure: no I/O. Throws RangeError on indexes
 * outside the series or non-finite values in the window (caller errors, not data conditions).
 *
 * Verdict: improved or worsened (by `direction`) only when there are ≥ 8 points before and ≥ 6
 * after the ramp-up, the effect's 95% interval excludes 0 under Newey–West and under AR(1) errors
 * on the same side, and the placebo check passed; otherwise no_clear_effect with every applicable
 * reason. The placebo check is always run and reported.
 */
export function analyseImpact(input: ItsInput): ItsResult {
  const w = checkInput(input);
  const { points, direction } = input;
  const horizon = input.horizon ?? 'mid';
  const window = windowOf(points, w);
  const base = { direction, window, needed: { before: MIN_BEFORE, after: MIN_AFTER } };
  const empty = { model: null, effect: null, levelChange: null, slopeChange: null, preTrend: null, ar1: null, welch: null };
  const placebo = placeboCheck(points, w, horizon, input.lag);
  if (window.before < MIN_BEFORE || window.after < MIN_AFTER) {
    const reasons: ItsReason[] = ['not_enough_data'];
    if (placebo.status !== 'passed') reasons.push(placebo.status === 'failed' ? 'placebo_failed' : 'placebo_not_possible');
    return { verdict: 'no_clear_effect', reason: 'not_enough_data', reasons, ...base, ...empty, placebo };
  }
  const t1 = w.start + w.rampUp;
  const { h, rule } = resolveHorizon(horizon, t1, w.end);
  const fit = fitSegmented(points, w, h, input.lag);
  if (!fit) return { verdict: 'no_clear_effect', reason: 'not_enough_data', reasons: ['not_enough_data'], ...base, ...empty, placebo };
  const hp = t1 + h;
  const effect: ItsEffect = {
    ...fit.effect,
    horizon: h,
    horizonRule: rule,
    period: Number.isInteger(hp) && hp < points.length ? points[hp]!.period : null,
  };
  const preTrend: PreTrend = { ...fit.preTrend, significant: excludesZero(fit.preTrend) };

  const ar1 = fit.model.perfectFit ? null : ar1Variant(fit, h);
  const side = sideOf(effect);
  const reasons: ItsReason[] = [];
  if (side === 0) reasons.push('interval_includes_zero');
  else if (!fit.model.perfectFit && !ar1) reasons.push('autocorrelation_too_strong');
  else if (!fit.model.perfectFit && sideOf(ar1!.effect) !== side) reasons.push('interval_includes_zero');
  if (placebo.status === 'failed') reasons.push('placebo_failed');
  if (placebo.status === 'not_possible') reasons.push('placebo_not_possible');
  const verdict = reasons.length > 0 ? 'no_clear_effect' : (side === 1) === (direction === 'higher') ? 'improved' : 'worsened';

  const before = points.slice(w.from, w.start).map((p) => p.value);
  const after = points.slice(t1, w.end + 1).map((p) => p.value);
  return {
    verdict,
    reason: reasons[0] ?? null,
    reasons,
    ...base,
    model: fit.model,
    effect,
    levelChange: fit.levelChange,
    slopeChange: fit.slopeChange,
    preTrend,
    placebo,
    ar1,
    welch: welchInterval(before, after, LEVEL),
  };
}
