import { z } from 'zod';
import { msg } from '../messages';
import type { INDICATOR_FREQUENCIES } from '../domain';
import { dateRange, dateRangeError, finite, id, isoDate, optionalText } from '../common';

// The typing grid: the expected periods of an indicator's frequency, with their values.

type Frequency = (typeof INDICATOR_FREQUENCIES)[number];

export const measurementGridInput = z
  .object({ indicatorId: id, from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine(dateRange, dateRangeError);

export interface GridRow {
  /** First day of the period (the Monday for weekly, the 1st for monthly …); the measurement's key. */
  period: string;
  /** Last day of the period. */
  periodEnd: string;
  value: number | null;
  note: string | null;
  measurementId: string | null;
  /** The stored date when it is not the period's first day (values typed before periods existed). */
  measuredOn: string | null;
  /** The period has ended and has no value. */
  missing: boolean;
  /** Today falls in this period: its value is not due yet. */
  current: boolean;
}

export interface MeasurementGrid {
  indicatorId: string;
  frequency: Frequency;
  /** First and last period laid out (period starts). */
  from: string;
  to: string;
  /** Oldest first. */
  rows: GridRow[];
  /** Periods of `rows` that are missing. */
  missing: string[];
  /** Measurements outside [from, to] (not in `rows`). */
  outside: number;
}

export const measurementUpsertMany = z
  .object({
    indicatorId: id,
    /** One entry per period; `value: null` deletes the period's value. Saved all or nothing. */
    values: z
      .array(
        z
          .object({
            period: isoDate,
            value: finite.nullable(),
            /** Omitted: the note stays as it is; null: cleared. */
            note: optionalText(2000),
          })
          .strict(),
      )
      .min(1, msg('grid.nothing_to_save'))
      .max(10_000, msg('grid.max_periods_at_once')),
    source: optionalText(200),
  })
  .strict();

export interface UpsertManyResult {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}
