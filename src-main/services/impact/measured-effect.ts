import type { Workspace } from '../../db/workspace';
import { computeImpact } from './impact';

// The measured effect of an intervention on an indicator, as the Impact tab judges it, for the
// places that rest on it (a benefit derived from an impact, a gap closed by "measured improvement"):
// one rule everywhere, so a closing or a benefit never claims what the Impact tab would not.

export interface MeasuredEffect {
  verdict: 'improved' | 'worsened' | 'no_clear_effect' | 'not_enough_data';
  /** The effect in the indicator's unit, direction-aware: positive = better. Null without enough data. */
  improvement: number | null;
  /** Its 95% interval, same orientation. */
  low: number | null;
  high: number | null;
  /** How it was measured, and over which periods (first and last used). */
  method: string;
  window: { from: string; to: string } | null;
  /** Points used before and after. */
  before: number;
  after: number;
  needed: number;
}

export function measuredEffect(ws: Workspace, interventionId: string, indicatorId: string): MeasuredEffect {
  const r = computeImpact(ws, { interventionId, indicatorId, minPoints: 6 });
  if (r.status !== 'ok') {
    return { verdict: 'not_enough_data', improvement: null, low: null, high: null, method: 'welch', window: null, before: r.have.before, after: r.have.after, needed: r.needed };
  }
  const sign = r.direction === 'higher' ? 1 : -1;
  const [low, high] = sign > 0 ? [r.interval.low, r.interval.high] : [-r.interval.high, -r.interval.low];
  return {
    verdict: r.verdict === 'no_clear_change' ? 'no_clear_effect' : r.verdict,
    improvement: sign * r.change,
    low,
    high,
    method: 'welch',
    window: { from: r.before.from, to: r.after.to },
    before: r.before.n,
    after: r.after.n,
    needed: 6,
  };
}
