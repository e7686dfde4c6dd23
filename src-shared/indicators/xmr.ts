import { z } from 'zod';
import { dateRange, dateRangeError, id, isoDate } from '../common';
import type { Direction, SeriesPoint } from '../impact/its-types';
import type { FigureMethod } from '../messages/method';

// XmR (process-behaviour) chart of an indicator: the inputs and what the core returns.

export const indicatorXmrInput = z
  .object({
    indicatorId: id,
    /** Points shown; default: all. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /**
     * Points the limits are computed on. Default: the points before the earliest start of a linked
     * intervention when there are enough of them, else every point.
     */
    limitsFrom: isoDate.optional(),
    limitsTo: isoDate.optional(),
  })
  .strict()
  .refine(dateRange, dateRangeError);

export const XMR_RULES = ['beyond_limits', 'run_of_8', 'three_of_four'] as const;
export type XmrRule = (typeof XMR_RULES)[number];

/** The baseline's limits: those of a phase (PhaseLimits below), with the first and last periods of their points. */
export interface XmrLimits extends Omit<PhaseLimits, 'provisional'> {
  from: string;
  to: string;
}

export interface XmrSignal {
  /** beyond_limits: a point outside the natural process limits; run_of_8: 8 or more in a row on one
   * side of the centre line; three_of_four: 3 of 4 in a row closer to one limit than to the centre. */
  rule: XmrRule;
  side: 'above' | 'below';
  /** Favourable when the side is the indicator's good direction. */
  effect: 'favourable' | 'unfavourable';
  periods: string[];
}

export interface XmrPoint {
  period: string;
  value: number;
  movingRange: number | null;
}

export type NotEnoughData = {
  status: 'not_enough_data';
  /** Points needed (on each side for impact). */
  needed: number;
};

export type IndicatorXmr =
  | {
      status: 'ok';
      indicatorId: string;
      /** How the limits' points were chosen (see indicatorXmrInput). */
      basis: 'before_intervention' | 'all' | 'chosen';
      /** The baseline's limits (the first phase). */
      limits: XmrLimits;
      /** Every point, with its moving range and the phase it belongs to (index into phases). */
      points: (XmrPoint & { phase: number })[];
      /** Signals among the points after the baseline, against the baseline's limits (all points when the basis is 'all'). */
      signals: XmrSignal[];
      /**
       * XmR by phase (Wheeler): the baseline, then a new phase wherever a shift is sustained after
       * it (8 in a row on one side of the centre line, or 3 of 4 beyond the half-way line), each
       * with limits from its own points. One phase when nothing shifted or the basis is 'all'.
       */
      phases: XmrPhase[];
      /** Signals within each phase, against that phase's limits. */
      phaseSignals: PhaseSignal[];
      /** Moving ranges above their phase's upper range limit (3.268 × mR̄). */
      rangesAboveLimit: FlaggedRange[];
      /** The shift after the first linked intervention as the difference of the phases' centre lines; null when none. */
      effect: XmrEffect | null;
      /** "How is this computed?" in words (EN/FR). */
      method: FigureMethod;
    }
  | (NotEnoughData & { indicatorId: string; have: number; method: FigureMethod });

// ------------------------------------------------------------------ XmR by phase (services/indicators/xmr-phases.ts)

/** Limits of one phase. */
export interface PhaseLimits {
  /** Centre line: the mean of the points the limits are computed on. */
  centre: number;
  /** Mean moving range of those points (ranges within them only). */
  mrBar: number;
  /** Upper natural process limit centre + 2.66·mR̄. */
  unpl: number;
  /** Lower natural process limit centre − 2.66·mR̄. */
  lnpl: number;
  /** Upper range limit 3.268·mR̄. */
  url: number;
  /** σ̂ = mR̄ ÷ 1.128. */
  sigma: number;
  /** Points the limits were computed on. */
  n: number;
  /** True when n < minPoints: the limits are a first guess. */
  provisional: boolean;
}

/** A signal, judged against the limits of the phase its points belong to. */
export interface PhaseSignal {
  /** beyond_limits: a point outside the natural process limits; run_of_8: eight or more in a row
   *  on one side of the centre line; three_of_four: three of four in a row beyond the half-way line. */
  rule: 'beyond_limits' | 'run_of_8' | 'three_of_four';
  /** Which side of the centre line. */
  side: 'above' | 'below';
  /** favourable when the side is the indicator's good direction. */
  effect: 'favourable' | 'unfavourable';
  /** The phase (index into phases). */
  phase: number;
  /** The points involved. */
  periods: string[];
}

/** One phase. */
export interface XmrPhase {
  /** Position in phases (0 = baseline). */
  number: number;
  /** What started it: the baseline, or the sustained signal that established the shift. */
  trigger: 'baseline' | 'run_of_8' | 'three_of_four';
  /** First point of the phase (index and period). */
  from: { index: number; period: string };
  /** Last point of the phase. */
  to: { index: number; period: string };
  /** Points in the phase. */
  n: number;
  /** Its limits (the baseline's from the baseline points, the others' from all their points). */
  limits: PhaseLimits;
}

/** A moving range above its phase's upper range limit. */
export interface FlaggedRange {
  /** Index of the later of the two points. */
  index: number;
  /** Its period. */
  period: string;
  /** |x_i − x_{i−1}|. */
  movingRange: number;
  /** The phase's upper range limit it exceeds. */
  url: number;
  /** The phase (index into phases). */
  phase: number;
}

/** The effect: centre of the first phase that began at or after the intervention, minus the baseline's. */
export interface XmrEffect {
  /** Centre line of the baseline phase. */
  baselineCentre: number;
  /** Centre line of the phase after the intervention. */
  afterCentre: number;
  /** afterCentre − baselineCentre. */
  difference: number;
  /** The phase used. */
  phase: number;
  /** favourable when the difference goes the indicator's good way. */
  effect: 'favourable' | 'unfavourable' | 'none';
  /** True when either phase's limits are provisional. */
  provisional: boolean;
}

/** What to chart. */
export interface XmrPhasesInput {
  /** Measurements, oldest first. */
  points: readonly SeriesPoint[];
  /** Index one past the last baseline point (typically the intervention's first period). */
  baselineEnd: number;
  /** Index of the first baseline point. Default 0. */
  baselineFrom?: number;
  /** The intervention's first period, for the effect. Default baselineEnd. */
  interventionIndex?: number;
  /** Which way is good, for favourable/unfavourable. */
  direction: Direction;
  /** Fewest points for final (not provisional) limits. Default 6. */
  minPoints?: number;
}

export type XmrPhasesResult =
  | {
      /** The chart could be drawn. */
      status: 'ok';
      /** The phases in time order, the baseline first. */
      phases: XmrPhase[];
      /** Each point charted (from baselineFrom on) with its moving range (null for the first)
       *  and its phase. */
      points: { period: string; value: number; movingRange: number | null; phase: number }[];
      /** Signals in every phase, each judged against its own phase's limits. */
      signals: PhaseSignal[];
      /** Moving ranges within a phase above its URL (ranges across a phase boundary hold the
       *  shift itself and are not judged). */
      rangesAboveLimit: FlaggedRange[];
      /** null when no phase began at or after the intervention (no shift established). */
      effect: XmrEffect | null;
    }
  | {
      /** Fewer than 2 baseline points: no moving range, so no limits. */
      status: 'not_enough_data';
      /** The baseline needs at least 2 points (one moving range). */
      needed: number;
      /** Baseline points given. */
      have: number;
    };

