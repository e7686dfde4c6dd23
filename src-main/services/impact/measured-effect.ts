import type { ImpactResult } from '../../../src-shared/impact/schemas';
import type { Workspace } from '../../db/workspace';
import { computeImpact } from './impact';

// The measured effect of an intervention on an indicator, as the Impact tab judges it, for the
// places that rest on it (a benefit derived from an impact, a gap closed by "measured improvement"):
// one rule everywhere, so a closing or a benefit never claims what the Impact tab would not.

export interface MeasuredEffect {
  verdict: 'improved' | 'worsened' | 'no_clear_effect' | 'not_enough_data';
  /** The effect in the indicator's unit, direction-aware: positive = better. Null when not fitted. */
  improvement: number | null;
  /** Its 95% interval (Newey–West), same orientation. */
  low: number | null;
  high: number | null;
  /** How it was measured, and over which periods (first before, last after). */
  method: 'interrupted_time_series';
  window: { from: string; to: string } | null;
  /** Points used before and after. */
  before: number;
  after: number;
  needed: { before: number; after: number };
  impact: ImpactResult;
}

export function measuredEffect(ws: Workspace, interventionId: string, indicatorId: string): MeasuredEffect {
  const r = computeImpact(ws, { interventionId, indicatorId });
  const its = r.its;
  const e = r.effect;
  const sign = r.direction === 'higher' ? 1 : -1;
  const interval = e ? (sign > 0 ? [e.low, e.high] : [-e.high, -e.low]) : [null, null];
  return {
    verdict: r.reason === 'not_enough_data' ? 'not_enough_data' : r.verdict,
    improvement: e ? sign * e.estimate : null,
    low: interval[0]!,
    high: interval[1]!,
    method: 'interrupted_time_series',
    window: its ? { from: its.window.beforeFrom.period, to: its.window.afterTo.period } : null,
    before: its?.window.before ?? 0,
    after: its?.window.after ?? 0,
    needed: its?.needed ?? { before: 8, after: 6 },
    impact: r,
  };
}
