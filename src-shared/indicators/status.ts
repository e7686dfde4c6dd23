import { z } from 'zod';
import { msg } from '../messages';
import type { INDICATOR_DIRECTIONS } from '../domain';
import { id, isoDate } from '../common';

// RAG status of an indicator, computed in the core so that the app, the CLI and the reports agree.

type Direction = (typeof INDICATOR_DIRECTIONS)[number];

export const RAG_STATUSES = ['green', 'amber', 'red', 'no_data', 'no_target'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

export const indicatorStatusInput = z
  .object({
    indicatorId: id,
    /** "Today" for the status (a report of a past date); the latest value on or before it counts. */
    asOf: isoDate.optional(),
  })
  .strict();

export const indicatorStatusListInput = z
  .object({
    departmentId: id.optional(),
    indicatorIds: z.array(id).max(1000, msg('indicator.max_selected', { max: 1000 })).optional(),
    asOf: isoDate.optional(),
  })
  .strict();

export interface IndicatorStatus {
  indicatorId: string;
  status: RagStatus;
  direction: Direction;
  /** The latest measurement (by period) on or before `asOf`. */
  latest: { period: string; value: number } | null;
  targetValue: number | null;
  tolerancePct: number;
  /**
   * The amber band next to the target, in the indicator's unit: [target − tolerance, target] when
   * higher is better, [target, target + tolerance] when lower is better (tolerance = |target| × pct).
   */
  band: { low: number; high: number } | null;
  /** latest − target, signed; null without both. */
  deltaToTarget: number | null;
  /** Ended periods of the indicator's frequency with no value, from its first period to `asOf`. */
  missingPeriods: number;
  /** The last ended period has no value. */
  stale: boolean;
}
