import type { z } from 'zod';
import type { GapCostEstimate, gapCostEstimate } from '../../../src-shared/gaps/cost';
import { requireLive } from '../../db/read';
import type { Workspace } from '../../db/workspace';

/**
 * Estimated monthly cost of a gap (DOMAIN.md): frequency per month × hours lost per occurrence ×
 * the department's fully loaded hourly rate, in minor units. Null when the rate is unknown, so the
 * UI says "rate not set" instead of showing a misleading zero.
 */
export function monthlyCostCents(
  frequencyPerMonth: number,
  hoursLostPerOccurrence: number,
  loadedHourlyRateCents: number | null | undefined,
): number | null {
  if (loadedHourlyRateCents === null || loadedHourlyRateCents === undefined) return null;
  return Math.round(frequencyPerMonth * hoursLostPerOccurrence * loadedHourlyRateCents);
}

/**
 * The same formula in SQL, so that the register can sort and page by cost in the database (20,000
 * gaps are never sorted in JavaScript). `g` is the gaps table, `d` its department. The product is
 * the same IEEE double in both; SQLite's ROUND and Math.round agree on non-negative values (both
 * round halves up), and the tests check that both give the same cents.
 */
export const MONTHLY_COST_SQL = `(CASE WHEN d.loaded_hourly_rate_cents IS NULL THEN NULL
  ELSE CAST(ROUND(g.frequency_per_month * g.hours_lost_per_occurrence * d.loaded_hourly_rate_cents) AS INTEGER) END)`;

/** The cost a gap with these figures would have on this process, without writing anything. */
export function estimateGapCost(ws: Workspace, q: z.output<typeof gapCostEstimate>): GapCostEstimate {
  const process = requireLive(ws.db, 'processes', q.processId, 'processId');
  const d = requireLive(ws.db, 'departments', process.department_id as string, 'processId');
  const rate = d.loaded_hourly_rate_cents as number | null;
  return {
    monthlyCostCents: monthlyCostCents(q.frequencyPerMonth, q.hoursLostPerOccurrence, rate),
    currency: d.currency as string,
    loadedHourlyRateCents: rate,
    departmentId: d.id as string,
    departmentName: d.name as string,
  };
}
