import { z } from 'zod';
import type { INDICATOR_DIRECTIONS } from '../domain';
import { id } from '../common';
import type { NotEnoughData, XmrLimits, XmrSignal } from '../indicators/xmr';

// Impact of an intervention on an indicator: the input the core validates and the result it returns.

type Direction = (typeof INDICATOR_DIRECTIONS)[number];

export const impactInput = z
  .object({
    interventionId: id,
    indicatorId: id,
    /** Fewest points on each side for a number; below it the answer is "not enough data". */
    minPoints: z.number().int().min(3).max(100).default(6),
  })
  .strict();

export interface ImpactSide {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** First and last periods. */
  from: string;
  to: string;
}

export const IMPACT_VERDICTS = ['improved', 'worsened', 'no_clear_change'] as const;
export type ImpactVerdict = (typeof IMPACT_VERDICTS)[number];

export type ImpactResult =
  | {
      status: 'ok';
      interventionId: string;
      indicatorId: string;
      startDate: string;
      direction: Direction;
      unit: string;
      before: ImpactSide;
      after: ImpactSide;
      /** after − before, in the indicator's unit. */
      change: number;
      /** change ÷ |before mean| × 100; null when the mean before is 0. */
      changePct: number | null;
      /** 95% interval of the change by Welch's t (unequal variances). */
      interval: { level: 0.95; low: number; high: number; df: number; se: number; t: number; method: 'welch' };
      /** improved / worsened when the interval excludes 0, else no_clear_change; direction-aware. */
      verdict: ImpactVerdict;
      /** The period straddling the start date (neither before nor after), if it has a value. */
      excluded: string[];
      /** XmR limits computed on the points before; signals among the points after. */
      xmr: { limits: XmrLimits; signals: XmrSignal[] };
    }
  | (NotEnoughData & {
      interventionId: string;
      indicatorId: string;
      startDate: string;
      have: { before: number; after: number };
    });
