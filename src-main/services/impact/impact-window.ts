import type { SeriesPoint } from '../../../src-shared/impact/its-types';
import type { ImpactNeighbour, ImpactWindowBounds } from '../../../src-shared/impact/schemas';
import type { IndicatorFrequency } from '../../../src-shared/domain';
import { addMonths } from '../roi/accrual';
import { dayOf, expectedPeriods, nextPeriodStartDay, periodStartDay } from '../indicators/periods';

// Which measurements an intervention's impact is judged on, before the statistics see them:
//  * the series on the indicator's calendar, one value per period (the model's time is the position,
//    so a missing period must bound the window rather than silently shrink the time axis);
//  * its first period: the one holding its start date; the ramp-up — periods that begin before
//    start + ramp-up months — is in neither segment (a mid-period start is thus never "after");
//  * "after" stops at the last period that ended before the intervention's end, or before the next
//    intervention on the indicator starts: what follows is not this one's alone;
//  * "before" starts after the previous intervention on the indicator ended;
//  * an intervention still running on the indicator when this one starts makes them not separately
//    attributable.

export interface Dated {
  period: string;
  value: number;
}

export interface Plan {
  /** The engine's input series (regular, no gap) and indexes into it; null when there is nothing after the start yet. */
  engine: { points: SeriesPoint[]; start: number; end: number; rampUp: number } | null;
  rampUpPeriods: string[];
  bounds: ImpactWindowBounds;
  overlapping: ImpactNeighbour[];
}

const DAY = (iso: string) => dayOf(iso);

export function planWindows(
  frequency: IndicatorFrequency,
  measured: Dated[],
  itv: { startDate: string; endDate: string | null; rampUpMonths: number },
  others: ImpactNeighbour[],
): Plan {
  const start = DAY(itv.startDate);
  const overlapping = others.filter((o) => DAY(o.startDate) <= start && (o.endDate === null || DAY(o.endDate) > start));
  const previous = others
    .filter((o) => o.endDate !== null && DAY(o.startDate) < start && DAY(o.endDate) <= start)
    .sort((a, b) => DAY(b.endDate!) - DAY(a.endDate!))[0];
  const next = others.filter((o) => DAY(o.startDate) > start).sort((a, b) => DAY(a.startDate) - DAY(b.startDate))[0];

  const bounds: ImpactWindowBounds = {
    beforeFrom: { by: 'first_measurement', period: measured[0]?.period ?? null },
    afterTo: { by: 'last_measurement', period: measured.at(-1)?.period ?? null },
  };
  const empty = (rampUpPeriods: string[] = []): Plan => ({ engine: null, rampUpPeriods, bounds, overlapping });
  if (measured.length === 0) return empty();

  // The calendar of the indicator from its first to its last value; null = no value for the period.
  const grid = expectedPeriods(frequency, measured[0]!.period, measured.at(-1)!.period, 100_000) ?? [];
  const byPeriod = new Map(measured.map((p) => [p.period, p.value]));
  const values = grid.map((p) => byPeriod.get(p) ?? null);
  const startOf = (i: number) => DAY(grid[i]!);
  const endOf = (i: number) => nextPeriodStartDay(frequency, periodStartDay(frequency, startOf(i))) - 1;

  const startIdx = grid.findIndex((_, i) => endOf(i) >= start);
  if (startIdx < 0) return empty();
  const settled = addMonths(start, itv.rampUpMonths);
  let t1 = grid.findIndex((_, i) => startOf(i) >= settled);
  if (t1 < 0) t1 = grid.length;

  // After: up to the intervention's end or the next one's start, whichever comes first.
  let cutoff = Number.POSITIVE_INFINITY;
  if (itv.endDate) {
    cutoff = DAY(itv.endDate);
    bounds.afterTo = { by: 'intervention_end', period: null };
  }
  if (next && DAY(next.startDate) < cutoff) {
    cutoff = DAY(next.startDate);
    bounds.afterTo = { by: 'next_intervention', period: null, intervention: next };
  }
  let end = grid.length - 1;
  while (end >= 0 && endOf(end) >= cutoff) end--;
  if (end === grid.length - 1) bounds.afterTo = { by: 'last_measurement', period: null };

  // Before: after the previous intervention's end.
  let from = 0;
  if (previous) {
    const after = DAY(previous.endDate!);
    while (from < startIdx && startOf(from) < after) from++;
    bounds.beforeFrom = { by: 'previous_intervention', period: null, intervention: previous };
  }
  // A missing period bounds the window: before, the run of values just before the start; after,
  // the run from the first settled period on. Missing ramp-up periods do not matter (never read).
  for (let i = startIdx - 1; i >= from; i--) {
    if (values[i] === null) {
      from = i + 1;
      bounds.beforeFrom = { by: 'missing_period', period: null, missing: grid[i]! };
      break;
    }
  }
  for (let i = t1; i <= end; i++) {
    if (values[i] === null) {
      end = i - 1;
      bounds.afterTo = { by: 'missing_period', period: null, missing: grid[i]! };
      break;
    }
  }
  while (from < startIdx && values[from] === null) from++;
  bounds.beforeFrom.period = from < startIdx ? grid[from]! : null;
  bounds.afterTo.period = end >= t1 ? grid[end]! : null;

  const rampUpPeriods = grid.slice(startIdx, Math.min(t1, end + 1));
  if (end < startIdx) return empty(grid.slice(startIdx, t1).filter((p) => byPeriod.has(p)));
  // The engine's series [from, end]; a ramp-up period without a value gets its neighbour's (the
  // model never reads ramp-up values, but the series must be one value per period).
  let last = values[from] ?? values[startIdx - 1] ?? measured[0]!.value;
  const points: SeriesPoint[] = [];
  for (let i = from; i <= end; i++) {
    last = values[i] ?? last;
    points.push({ period: grid[i]!, value: last });
  }
  return {
    engine: { points, start: startIdx - from, end: end - from, rampUp: Math.min(t1, end + 1) - startIdx },
    rampUpPeriods,
    bounds,
    overlapping,
  };
}

