// The impact engine's input and result types (they become the API's DTOs). The statistics are in
// its.ts; the words in method-text.ts. Every index is a position in the input `points` array.

/** Which way is good for the indicator: 'higher' (e.g. satisfaction) or 'lower' (e.g. days to pay). */
export type Direction = 'higher' | 'lower';

/** One measurement. */
export interface SeriesPoint {
  /** The period's name (its first day, YYYY-MM-DD, as elsewhere in Boucle); only shown, never parsed. */
  period: string;
  /** The measured value (finite). */
  value: number;
}

/**
 * Where the effect b₂ + b₃·h is read, h counted in periods from the first "after" point used:
 * 'start' is h = 0 (the level change alone); 'mid' is half-way through the after window, which is
 * also the average effect over that window; 'end' is its last period; a number is h itself (past
 * the window's end it is an extrapolation of the after line, which the caller has to want).
 */
export type Horizon = 'start' | 'mid' | 'end' | number;

/** What to analyse. */
export interface ItsInput {
  /**
   * The indicator's measurements, oldest first, one per period and no period missing in between:
   * the model's time is the position in this array, so a gap would silently shrink the time axis.
   */
  points: readonly SeriesPoint[];
  /** Index of the intervention's first period (the first period that began on or after its start). */
  start: number;
  /**
   * Index of the last period of the "after" window, inclusive: the intervention's end, or the period
   * before the next intervention's start (the caller decides). Default: the last point.
   */
  end?: number;
  /** Index of the first "before" point used (e.g. after an earlier intervention's window). Default 0. */
  from?: number;
  /** Periods from `start` left out while the intervention ramps up (not before, not after). Default 0. */
  rampUp?: number;
  /** Which way is good; decides improved versus worsened. */
  direction: Direction;
  /** Where the reported effect is read. Default 'mid'. */
  horizon?: Horizon;
  /** Newey–West lag; default floor(4·(n/100)^(2/9)) of the points used (see ols.ts). */
  lag?: number;
}

/** An estimate with its 95% interval and test against 0, under the stated covariance. */
export interface Estimate {
  /** The point estimate, in the indicator's unit (per period for slopes). */
  estimate: number;
  /** Its standard error. */
  se: number;
  /** Lower bound of the 95% interval: estimate − t(0.975; df)·se. */
  low: number;
  /** Upper bound of the 95% interval: estimate + t(0.975; df)·se. */
  high: number;
  /** t statistic estimate ÷ se (±Infinity or NaN when se = 0). */
  t: number;
  /** Two-sided p-value from Student's t with the model's df. */
  p: number;
}

/** The segmented regression y = b₀ + b₁·τ + b₂·D + b₃·τ·D + e, τ = t − T₁, D = [t ≥ T₁]. */
export interface ItsModel {
  /** Points in the fit (before plus after, ramp-up left out). */
  n: number;
  /** Coefficients (4). */
  k: number;
  /** Residual degrees of freedom n − k, used for every t quantile and p-value of the model. */
  df: number;
  /** Newey–West (Bartlett) lag L. */
  lag: number;
  /** How the lag was chosen: the rule floor(4·(n/100)^(2/9)) or given by the caller. */
  lagRule: 'newey_west_1994' | 'given';
  /** t(0.975; df), the multiplier of the 95% intervals. */
  tCritical: number;
  /** Always 'newey_west': HAC, Bartlett kernel, no prewhitening, small-sample factor n/(n − k). */
  covariance: 'newey_west';
  /** [b₀, b₁, b₂, b₃]. */
  coef: number[];
  /** The 4 × 4 HAC covariance matrix of coef. */
  cov: number[][];
  /** b₀: the pre-period line's value at T₁, the counterfactual level at the first after point used. */
  baseline: Estimate;
  /** Residual standard deviation √(SSR ÷ df). */
  residualSd: number;
  /**
   * True when the lines fit the points exactly (residuals at rounding level, e.g. a constant
   * series): then every standard error is 0, estimates within rounding of 0 are 0, and the AR(1)
   * variant is neither fitted nor required.
   */
  perfectFit: boolean;
}

/** The effect b₂ + b₃·h with its HAC standard error √(c'Vc), c = (0, 0, 1, h). */
export interface ItsEffect extends Estimate {
  /** h, in periods after the first after point used (may be fractional for 'mid'). */
  horizon: number;
  /** The rule that gave h. */
  horizonRule: 'start' | 'mid' | 'end' | 'given';
  /** The period at T₁ + h when h is a whole number inside the points, else null. */
  period: string | null;
}

/** The slope before the start (b₁), tested against 0 with the HAC standard error. */
export interface PreTrend extends Estimate {
  /** True when the 95% interval excludes 0: the indicator was already moving before the start. */
  significant: boolean;
}

/** One placebo fit. */
export interface PlaceboStart {
  /** Index of the pseudo-start. */
  index: number;
  /** Its period. */
  period: string;
  /** The pseudo-effect (same horizon rule, within the pre-period). */
  estimate: number;
  /** Lower bound of its HAC 95% interval. */
  low: number;
  /** Upper bound of its HAC 95% interval. */
  high: number;
  /** True when the verdict's rule would have called it an effect: the HAC interval (above) and the
   *  AR(1) interval both exclude 0, on the same side. */
  significant: boolean;
}

/** The same model at earlier pseudo-starts, on pre-period data only. */
export interface Placebo {
  /**
   * passed: at most `allowed` pseudo-starts significant; failed: more; not_possible: fewer than
   * `minTries` pseudo-starts leave enough points on each side.
   */
  status: 'passed' | 'failed' | 'not_possible';
  /** Pseudo-starts fitted. */
  tried: number;
  /** Of those, how many found a significant effect. */
  significant: number;
  /** The most significant pseudo-starts tolerated: max(1, ⌊0.4 × tried⌋). */
  allowed: number;
  /** The fewest pseudo-starts for the check to count. */
  minTries: number;
  /** Each pseudo-start, oldest first. */
  starts: PlaceboStart[];
}

/**
 * The same segmented regression with AR(1) errors e_t = ρe_{t−1} + u_t, fitted by generalised least
 * squares with ρ chosen by REML (as R's nlme::gls(method = "REML", correlation = corAR1())). The
 * verdict needs its effect interval to exclude 0 on the same side as the HAC one. ItsResult.ar1 is
 * null when ρ̂ runs to ±1 (reason autocorrelation_too_strong) or the fit is perfect.
 */
export interface Ar1Variant {
  /** REML estimate of ρ, the errors' lag-1 autocorrelation. */
  rho: number;
  /** Degrees of freedom n − k of its intervals. */
  df: number;
  /** Coefficients [b₀, b₁, b₂, b₃] of the GLS fit. */
  coef: number[];
  /** Their covariance s²(X*'X*)⁻¹, s² = S ÷ (n − k) on the whitened data. */
  cov: number[][];
  /** The same effect as ItsResult.effect (same horizon), under this model. */
  effect: Estimate;
  /** b₂ under this model. */
  levelChange: Estimate;
  /** b₃ under this model. */
  slopeChange: Estimate;
}

/** Welch's before/after difference of means (ramp-up left out), kept as a secondary figure. */
export interface WelchFigure {
  /** mean(after) − mean(before). */
  diff: number;
  /** √(s₁²/n₁ + s₂²/n₂). */
  se: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  /** The multiplier t(0.975; df) (not a test statistic). */
  t: number;
  /** Lower bound of the 95% interval. */
  low: number;
  /** Upper bound of the 95% interval. */
  high: number;
}

/**
 * Why there is no clear effect:
 *  - not_enough_data: fewer than 8 points before the start or 6 after the ramp-up;
 *  - interval_includes_zero: the effect's 95% interval includes 0 under HAC, or under AR(1), or
 *    the two exclude it on opposite sides;
 *  - autocorrelation_too_strong: the AR(1) fit puts ρ at ±1 (the series wanders like a random
 *    walk), so no interval can be trusted;
 *  - placebo_failed: too many earlier pseudo-starts found an "effect" (see Placebo);
 *  - placebo_not_possible: the pre-period is too short for 3 pseudo-starts.
 */
export type ItsReason =
  | 'not_enough_data'
  | 'interval_includes_zero'
  | 'autocorrelation_too_strong'
  | 'placebo_failed'
  | 'placebo_not_possible';

/** The windows actually used. */
export interface ItsWindow {
  /** First "before" point (index and period). */
  beforeFrom: { index: number; period: string };
  /** Last "before" point; null when there is none (start = from). */
  beforeTo: { index: number; period: string } | null;
  /** The intervention's first period. */
  start: { index: number; period: string };
  /** First after point used (T₁ = start + ramp-up); null when the ramp-up covers the window. */
  afterFrom: { index: number; period: string } | null;
  /** Last point of the after window (`end`). */
  afterTo: { index: number; period: string };
  /** Points used before the start. */
  before: number;
  /** Points used after the ramp-up. */
  after: number;
  /** Periods left out as ramp-up (inside the after window). */
  rampUp: string[];
}

/** The answer for one intervention on one indicator. */
export interface ItsResult {
  /** improved / worsened only when the effect's interval excludes 0, the placebo check passed and
   *  there were enough points; otherwise no_clear_effect. Direction-aware. */
  verdict: 'improved' | 'worsened' | 'no_clear_effect';
  /** The main reason when no_clear_effect, else null. */
  reason: ItsReason | null;
  /** Every reason that applies, most basic first (not_enough_data, then the interval, then placebo). */
  reasons: ItsReason[];
  /** The direction the verdict was judged by. */
  direction: Direction;
  /** The windows used. */
  window: ItsWindow;
  /** The fewest points needed on each side (ramp-up not counted). */
  needed: { before: number; after: number };
  /** The fit; null when there were not enough points to fit at all. */
  model: ItsModel | null;
  /** The reported effect b₂ + b₃·h. */
  effect: ItsEffect | null;
  /** b₂: the level change at T₁. */
  levelChange: Estimate | null;
  /** b₃: the change of slope per period. */
  slopeChange: Estimate | null;
  /** b₁, the slope before the start, and whether it differs from 0. */
  preTrend: PreTrend | null;
  /** The placebo check; always run (status not_possible when the pre-period is too short). */
  placebo: Placebo;
  /** The AR(1) second opinion; null without a fit, when ρ̂ runs to ±1, or for a perfect fit. */
  ar1: Ar1Variant | null;
  /** Welch's before/after difference of means; null without a fit. */
  welch: WelchFigure | null;
}
