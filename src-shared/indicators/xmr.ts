import { z } from 'zod';
import { dateRange, dateRangeError, id, isoDate } from '../common';

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

export interface XmrLimits {
  /** Mean of the points the limits are computed on (the centre line). */
  centre: number;
  /** Mean moving range |xᵢ − xᵢ₋₁|. */
  mrBar: number;
  /** Natural process limits: centre ± 2.66 × mrBar. */
  unpl: number;
  lnpl: number;
  /** Upper range limit of the moving ranges: 3.268 × mrBar. */
  url: number;
  /** Estimated sigma: mrBar ÷ 1.128. */
  sigma: number;
  /** Points the limits were computed on, and their first and last periods. */
  n: number;
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
      limits: XmrLimits;
      points: XmrPoint[];
      /** Signals among the points after the limits' points (all points when the basis is 'all'). */
      signals: XmrSignal[];
    }
  | (NotEnoughData & { indicatorId: string; have: number });
