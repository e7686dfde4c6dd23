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
