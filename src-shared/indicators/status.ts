import { z } from 'zod';
import { msg } from '../messages';
import type { INDICATOR_DIRECTIONS } from '../domain';
import { id, isoDate } from '../common';
import type { FigureMethod } from '../messages/method';

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

/** How many of the last points the status is judged on (their median). */
export const RAG_POINTS = 5;

export interface IndicatorStatus {
  indicatorId: string;
  /**
   * The status judged on the median of the last RAG_POINTS points (of the current XmR phase when it
   * has enough of them), not on the latest point alone: one noisy point does not change the colour.
   */
  status: RagStatus;
  direction: Direction;
  /** The latest measurement (by period) on or before `asOf`. */
  latest: { period: string; value: number } | null;
  /** What the status was judged on: the median of these points. Null without data. */
  judged: {
    rule: 'median_last_points' | 'median_current_phase';
    /** The median, and the points it is the median of (oldest first). */
    value: number;
    points: { period: string; value: number }[];
    /** RAG_POINTS: the points asked for (fewer when the indicator or its current phase has fewer). */
    wanted: number;
  } | null;
  /** The colour the latest point alone would have. */
  latestStatus: RagStatus;
  /**
   * The latest point is worse than the judged status (out of band while the median is not): a
   * "watch", not a change of colour. False when it agrees or is better.
   */
  watch: boolean;
  targetValue: number | null;
  tolerancePct: number;
  /**
   * The amber band next to the target, in the indicator's unit: [target − tolerance, target] when
   * higher is better, [target, target + tolerance] when lower is better (tolerance = |target| × pct).
   */
  band: { low: number; high: number } | null;
  /** The judged value − target, signed; null without both. */
  deltaToTarget: number | null;
  /** Ended periods of the indicator's frequency with no value, from its first period to `asOf`. */
  missingPeriods: number;
  /** The last ended period has no value. */
  stale: boolean;
  /** "How is this computed?": the rule, the points used, in words. */
  method: FigureMethod;
}
