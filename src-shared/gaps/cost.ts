import { z } from 'zod';
import { msg } from '../messages';
import { finite, id } from '../common';

// The monthly cost of a gap before it is saved, for the form that shows it as the user types. The
// core computes it the same way as for a saved gap (frequency × hours lost × the department's rate).

export const gapCostEstimate = z
  .object({
    /** The process the gap is (or would be) on: its department gives the rate. */
    processId: id,
    frequencyPerMonth: finite.min(0, msg('gap.frequency.negative')).max(100_000, msg('gap.frequency.large')).default(0),
    hoursLostPerOccurrence: finite.min(0, msg('gap.hours.negative')).max(10_000, msg('gap.hours.large')).default(0),
  })
  .strict();
export type GapCostEstimateInput = z.input<typeof gapCostEstimate>;

export interface GapCostEstimate {
  /** Null when the department has no loaded hourly rate yet. */
  monthlyCostCents: number | null;
  currency: string;
  loadedHourlyRateCents: number | null;
  departmentId: string;
  departmentName: string;
}
