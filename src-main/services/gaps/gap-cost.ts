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
