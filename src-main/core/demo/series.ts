import type { DemoSeries } from '../../../resources/demo';
import { daysBetween, monthOf } from './calendar';
import type { Rng } from './prng';

// Draws the measurements of one demo indicator: level + drift + season + the intervention's effect
// (ramping up linearly after its start) + normal noise, clamped and rounded like a real report.

export interface SeriesPoint {
  period: string;
  value: number;
}

const DAYS_PER_MONTH = 30.44;

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f + 0; // + 0 turns -0 into 0
}

/**
 * `periods` are oldest first; `effectStart` is the start date of the intervention driving the effect,
 * or null when it has not started (then no effect, and adoption series have no points at all).
 */
export function drawSeries(spec: DemoSeries, periods: string[], effectStart: string | null, rng: Rng): SeriesPoint[] {
  const first = periods[0];
  if (!first) return [];
  const out: SeriesPoint[] = [];
  for (const period of periods) {
    const started = effectStart !== null && period >= effectStart;
    if (spec.from === 'intervention' && !started) continue;
    let v = spec.level;
    v += ((spec.trendPerYear ?? 0) * daysBetween(first, period)) / 365.25;
    v += spec.seasonal?.[monthOf(period)] ?? 0;
    if (spec.effect && started) {
      const ramp = Math.min(1, (daysBetween(effectStart, period) + 1) / (spec.effect.rampMonths * DAYS_PER_MONTH));
      v += spec.effect.change * ramp;
    }
    v += spec.noise * rng.gaussian();
    if (spec.min !== undefined) v = Math.max(spec.min, v);
    if (spec.max !== undefined) v = Math.min(spec.max, v);
    out.push({ period, value: round(v, spec.decimals) });
  }
  return out;
}

/** Baseline as a loop closer would set it: the mean of the last year before the effect starts. */
export function baselineOf(
  points: SeriesPoint[],
  effectStart: string | null,
  perYear: number,
  decimals: number,
): { value: number; date: string } | null {
  const before = effectStart === null ? points.slice(0, perYear) : points.filter((p) => p.period < effectStart).slice(-perYear);
  const window = before.length ? before : points.slice(0, 1); // adoption series: their first value
  const last = window[window.length - 1];
  if (!last) return null;
  const mean = window.reduce((a, p) => a + p.value, 0) / window.length;
  return { value: round(mean, decimals), date: last.period };
}
