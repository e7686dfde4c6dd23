/**
 * Estimated monthly cost of a gap (DOMAIN.md): frequency per month × hours lost per occurrence ×
 * the department's fully loaded hourly rate, in minor units. Null when the rate is unknown, so the
 * UI says "rate not set" instead of showing a misleading zero.
 *
 * The frequency is measured rather than typed when the gap follows an indicator that counts its
 * occurrences (gaps.frequency_indicator_id, an indicator linked to the gap): the mean of the
 * indicator's last FREQUENCY_POINTS measured periods, per month (a weekly count × 365.25 ÷ 7 ÷ 12,
 * a daily one × 365.25 ÷ 12, a quarterly one ÷ 3, a yearly one ÷ 12). A mean, not a median: a
 * cost adds up occurrences. Until the indicator has a value, the typed frequency stands.
 */
export function monthlyCostCents(
  frequencyPerMonth: number,
  hoursLostPerOccurrence: number,
  loadedHourlyRateCents: number | null | undefined,
): number | null {
  if (loadedHourlyRateCents === null || loadedHourlyRateCents === undefined) return null;
  return Math.round(frequencyPerMonth * hoursLostPerOccurrence * loadedHourlyRateCents);
}

/** How many of the indicator's last periods the measured frequency averages. */
export const FREQUENCY_POINTS = 3;

/** Periods of each frequency in a month. */
export const PER_MONTH_SQL = `CASE fi.frequency WHEN 'daily' THEN 365.25 / 12 WHEN 'weekly' THEN 365.25 / 7 / 12
  WHEN 'monthly' THEN 1.0 WHEN 'quarterly' THEN 1.0 / 3 ELSE 1.0 / 12 END`;

/** The live link of the gap `g` to its frequency indicator: without it the cost is the typed estimate. */
const FOLLOWS = `g.frequency_indicator_id IS NOT NULL AND EXISTS (SELECT 1 FROM indicator_links il
  WHERE il.gap_id = g.id AND il.indicator_id = g.frequency_indicator_id AND il.deleted_at IS NULL)`;

/** The first period of the indicator's last FREQUENCY_POINTS values (its first value when it has fewer). */
const FROM_PERIOD = `COALESCE((SELECT m2.period FROM measurements m2 WHERE m2.indicator_id = g.frequency_indicator_id
  AND m2.deleted_at IS NULL ORDER BY m2.period DESC LIMIT 1 OFFSET ${FREQUENCY_POINTS - 1}), '')`;

const MEASURED = (select: string) => `(SELECT ${select} FROM measurements m JOIN indicators fi ON fi.id = m.indicator_id AND fi.deleted_at IS NULL
  WHERE m.indicator_id = g.frequency_indicator_id AND m.deleted_at IS NULL AND m.period >= ${FROM_PERIOD})`;

/** The measured frequency per month of gap `g`, or NULL when it does not follow an indicator with values. */
export const MEASURED_FREQUENCY_SQL = `(CASE WHEN ${FOLLOWS} THEN ${MEASURED(`AVG(m.value) * ${PER_MONTH_SQL}`)} END)`;
/** The periods it averages: how many, the first and the last. */
export const MEASURED_BASIS_SQL = `(CASE WHEN ${FOLLOWS} THEN ${MEASURED(`json_object('points', COUNT(*), 'from', MIN(m.period), 'to', MAX(m.period))`)} END)`;

/** The frequency the cost uses: measured when there is one, else typed. */
export const FREQUENCY_SQL = `COALESCE(${MEASURED_FREQUENCY_SQL}, g.frequency_per_month)`;

/**
 * The formula in SQL, so that the register can sort and page by cost in the database (20,000 gaps
 * are never sorted in JavaScript). `g` is the gaps table, `d` its department. SQLite's ROUND and
 * Math.round agree on non-negative values (both round halves up); the tests check the cents.
 */
export const MONTHLY_COST_SQL = `(CASE WHEN d.loaded_hourly_rate_cents IS NULL THEN NULL
  ELSE CAST(ROUND(${FREQUENCY_SQL} * g.hours_lost_per_occurrence * d.loaded_hourly_rate_cents) AS INTEGER) END)`;
