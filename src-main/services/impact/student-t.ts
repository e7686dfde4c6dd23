import jstatModule from 'jstat';

// Student t quantiles and two-sided p-values, from jStat (as welch.ts does). jStat's own inverse is
// only good to about 2e-8 relative (its incomplete-beta inversion stops early), which shows when
// comparing with R's qt at 1e-8; one or two Newton steps on jStat's cdf, which is good to ~1e-10,
// bring the quantile to that accuracy.

const jStat = jstatModule.jStat ?? jstatModule;

const cache = new Map<string, number>();

/** The p-quantile of Student's t with `df` degrees of freedom (df > 0, 0 < p < 1). Memoised: the
 *  calibration asks for the same few (p, df) pairs hundreds of thousands of times. */
export function tQuantile(p: number, df: number): number {
  const key = `${p}|${df}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const x = polishedQuantile(p, df);
  if (cache.size < 10_000) cache.set(key, x);
  return x;
}

function polishedQuantile(p: number, df: number): number {
  let x = jStat.studentt.inv(p, df);
  for (let i = 0; i < 3; i++) {
    const step = (jStat.studentt.cdf(x, df) - p) / jStat.studentt.pdf(x, df);
    x -= step;
    if (Math.abs(step) <= 1e-14 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

/** Two-sided p-value of a t statistic: P(|T| ≥ |t|). The upper tail is taken directly so a tiny p
 *  does not vanish into 1 − 0.999…. */
export function tTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return Number.isNaN(t) ? Number.NaN : 0;
  return Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(t), df));
}
