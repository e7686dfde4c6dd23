import { mean } from 'simple-statistics';
import type { IndicatorDirection } from '../../../src-shared/domain';
import type { XmrLimits, XmrPoint, XmrSignal } from '../../../src-shared/indicators/xmr';

// XmR (individuals and moving range) process-behaviour chart, after Wheeler, "Understanding
// Variation": limits come from the average moving range, not the standard deviation, so a shift or a
// trend inside the baseline does not widen them the way it would inflate a standard deviation.
//   centre = mean(x);  mR̄ = mean(|xᵢ − xᵢ₋₁|);  natural process limits = centre ± 2.66 mR̄;
//   upper range limit = 3.268 mR̄;  σ̂ = mR̄ ÷ 1.128  (2.66 = 3 ÷ 1.128, 3.268 = D4 for n = 2).

export const NPL_FACTOR = 2.66;
export const URL_FACTOR = 3.268;
export const D2 = 1.128;

export interface Dated {
  period: string;
  value: number;
}

/** Centre line, mean moving range and the limits they give, from values in time order (at least 2). */
export function limitsOfValues(values: readonly number[]): Pick<XmrLimits, 'centre' | 'mrBar' | 'unpl' | 'lnpl' | 'url' | 'sigma'> {
  const centre = mean([...values]);
  const mrBar = mean(values.slice(1).map((v, i) => Math.abs(v - values[i]!)));
  return { centre, mrBar, unpl: centre + NPL_FACTOR * mrBar, lnpl: centre - NPL_FACTOR * mrBar, url: URL_FACTOR * mrBar, sigma: mrBar / D2 };
}

/** Limits from points in time order; null with fewer than 2 (no moving range). */
export function xmrLimits(points: Dated[]): XmrLimits | null {
  if (points.length < 2) return null;
  return { ...limitsOfValues(points.map((p) => p.value)), n: points.length, from: points[0]!.period, to: points.at(-1)!.period };
}

export function withMovingRanges(points: Dated[]): XmrPoint[] {
  return points.map((p, i) => ({
    period: p.period,
    value: p.value,
    movingRange: i === 0 ? null : Math.abs(p.value - points[i - 1]!.value),
  }));
}

/**
 * Signals among `points` against `limits` (usually computed on earlier points):
 *  1. beyond_limits — a point above the upper or below the lower natural process limit;
 *  2. run_of_8 — eight or more successive points on the same side of the centre line (a point on
 *     the line breaks the run), reported once per run with all its points;
 *  3. three_of_four — three of four successive points closer to the same limit than to the centre
 *     line (beyond centre ± 1.33 mR̄), overlapping windows merged into one signal.
 */
export function xmrSignals(points: readonly Dated[], limits: Pick<XmrLimits, 'centre' | 'mrBar' | 'unpl' | 'lnpl'>, direction: IndicatorDirection): XmrSignal[] {
  const effect = (side: 'above' | 'below') =>
    (side === 'above') === (direction === 'higher') ? ('favourable' as const) : ('unfavourable' as const);
  const out: XmrSignal[] = [];

  for (const p of points) {
    if (p.value > limits.unpl) out.push({ rule: 'beyond_limits', side: 'above', effect: effect('above'), periods: [p.period] });
    else if (p.value < limits.lnpl) out.push({ rule: 'beyond_limits', side: 'below', effect: effect('below'), periods: [p.period] });
  }

  let run: { side: 'above' | 'below'; periods: string[] } | null = null;
  const closeRun = () => {
    if (run && run.periods.length >= 8) out.push({ rule: 'run_of_8', side: run.side, effect: effect(run.side), periods: run.periods });
    run = null;
  };
  for (const p of points) {
    const side = p.value > limits.centre ? 'above' : p.value < limits.centre ? 'below' : null;
    if (!side) {
      closeRun();
      continue;
    }
    if (run && run.side === side) run.periods.push(p.period);
    else {
      closeRun();
      run = { side, periods: [p.period] };
    }
  }
  closeRun();

  const half = (NPL_FACTOR / 2) * limits.mrBar;
  for (const side of ['above', 'below'] as const) {
    const far = points.map((p) => (side === 'above' ? p.value > limits.centre + half : p.value < limits.centre - half));
    let current: Set<string> | null = null;
    for (let i = 0; i + 4 <= points.length; i++) {
      const hits = far.slice(i, i + 4).filter(Boolean).length;
      if (hits >= 3) {
        current ??= new Set();
        for (let k = i; k < i + 4; k++) if (far[k]) current.add(points[k]!.period);
      } else if (current) {
        out.push({ rule: 'three_of_four', side, effect: effect(side), periods: [...current].sort() });
        current = null;
      }
    }
    if (current) out.push({ rule: 'three_of_four', side, effect: effect(side), periods: [...current].sort() });
  }
  return out;
}
