import { z } from 'zod';
import type { IndicatorDirection, IndicatorFrequency } from '../domain';
import { id } from '../common';
import type { FigureMethod } from '../messages/method';
import type { PhaseSignal, XmrEffect } from '../indicators/xmr';
import type { Estimate, ItsReason, ItsResult } from './its-types';

// Impact of an intervention on an indicator (impact.compute): an interrupted time series — a
// segmented regression with a change of level and of slope at the start, the trend before carried
// forward as what would have happened anyway (services/impact/its.ts) — that credits only what the
// intervention caused:
//  * the ramp-up is left out (the intervention's own length, else the default of its kind);
//  * "after" ends at the intervention's end or at the start of the next intervention on the same
//    indicator, and "before" starts after the previous one's end;
//  * two interventions running together on the indicator are "not separately attributable";
//  * "improved"/"worsened" only when the effect's 95% interval excludes zero under Newey–West and
//    AR(1) errors and the placebo check passes; otherwise "no clear effect", with the reasons.
// Welch's before/after difference stays as a secondary figure (its.welch).

export const impactInput = z.object({ interventionId: id, indicatorId: id }).strict();

export type * from './its-types';

export const IMPACT_VERDICTS = ['improved', 'worsened', 'no_clear_effect'] as const;
export type ImpactVerdict = (typeof IMPACT_VERDICTS)[number];

/**
 * Why there is no clear effect: the engine's reasons (its-types.ts ItsReason) and
 *  - not_separately_attributable: another intervention on the indicator was running when this one
 *    started (or started with it): no series can tell their effects apart.
 */
export type ImpactReason = ItsReason | 'not_separately_attributable';

/** An intervention that bounds or overlaps the analysis. */
export interface ImpactNeighbour {
  interventionId: string;
  title: string;
  startDate: string;
  endDate: string | null;
}

/**
 * What bounds the windows. `period` is the first point used before (beforeFrom) or the last used
 * after (afterTo), null when none; `missing` the period without a value that bounds it, if that is
 * what does; `intervention` the previous or next intervention, if that is what does.
 */
export interface ImpactWindowBounds {
  beforeFrom: { by: 'first_measurement' | 'previous_intervention' | 'missing_period'; period: string | null; missing?: string; intervention?: ImpactNeighbour };
  afterTo: { by: 'last_measurement' | 'intervention_end' | 'next_intervention' | 'missing_period'; period: string | null; missing?: string; intervention?: ImpactNeighbour };
}

export interface ImpactResult {
  interventionId: string;
  indicatorId: string;
  startDate: string;
  endDate: string | null;
  direction: IndicatorDirection;
  unit: string;
  frequency: IndicatorFrequency;
  /** Direction-aware; improved/worsened only on the rule above. */
  verdict: ImpactVerdict;
  /** The main reason when no clear effect (else null), and every reason that applies, most basic first. */
  reason: ImpactReason | null;
  reasons: ImpactReason[];
  /** The reported effect (level change + slope change × half the after window = the average effect over it), in the unit; null when not fitted. */
  effect: (Estimate & { horizon: number; period: string | null }) | null;
  /** effect ÷ |the level the trend before predicts at the first after point| × 100; null when not fitted or that level is 0. */
  changePct: number | null;
  /** The ramp-up left out: its length in months, where it came from, and the periods it covers. */
  rampUp: { months: number; source: 'intervention' | 'kind'; periods: string[] };
  /** What bounds the windows (ItsResult.window holds the periods and counts). */
  bounds: ImpactWindowBounds;
  /** Interventions running on the indicator when this one started (not separately attributable). */
  overlapping: ImpactNeighbour[];
  /** The engine's full result (model, level and slope changes, pre-trend, placebo, AR(1), Welch); null when not run. */
  its: ItsResult | null;
  /** XmR by phase: the effect as the difference of the phases' centre lines, and the signals after the start. */
  xmr: { effect: XmrEffect | null; phases: number; signalsAfter: PhaseSignal[] } | null;
  /** "How is this computed?": window, points used, uncertainty, and the method sentence by sentence (EN/FR). */
  method: FigureMethod;
}
