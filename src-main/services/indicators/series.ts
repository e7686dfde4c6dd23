import type { IndicatorDirection, IndicatorFrequency } from '../../../src-shared/domain';
import type { Workspace } from '../../db/workspace';
import { requireLive } from '../../db/read';
import { prepared } from '../../db/statements';
import { dayOf, isoOfDay, nextPeriodStartDay, periodStartDay } from './periods';

// Reads shared by status, grid, XmR and impact: an indicator's fields and its measurements in time order.

export interface IndicatorRow {
  id: string;
  departmentId: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  frequency: IndicatorFrequency;
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  tolerancePct: number;
}

export function loadIndicator(ws: Workspace, id: string, field?: string): IndicatorRow {
  const r = requireLive(ws.db, 'indicators', id, field);
  return {
    id: r.id as string,
    departmentId: r.department_id as string,
    name: r.name as string,
    unit: r.unit as string,
    direction: r.direction as IndicatorDirection,
    frequency: r.frequency as IndicatorFrequency,
    baselineValue: r.baseline_value as number | null,
    baselineDate: r.baseline_date as string | null,
    targetValue: r.target_value as number | null,
    targetDate: r.target_date as string | null,
    tolerancePct: r.tolerance_pct as number,
  };
}

export interface Point {
  id: string;
  period: string;
  value: number;
  note: string | null;
}

/** Live measurements of an indicator, oldest period first, optionally within [from, to]. */
export function loadPoints(ws: Workspace, indicatorId: string, range: { from?: string | undefined; to?: string | undefined } = {}): Point[] {
  return prepared(
    ws.db,
    `SELECT id, period, value, note FROM measurements
      WHERE indicator_id = ? AND deleted_at IS NULL AND (? IS NULL OR period >= ?) AND (? IS NULL OR period <= ?)
      ORDER BY period, id`,
  ).all(indicatorId, range.from ?? null, range.from ?? null, range.to ?? null, range.to ?? null) as Point[];
}

/** Where the expected periods start: the baseline date or the first value, whichever is earlier. */
export function firstExpected(ind: IndicatorRow, first: string | undefined): string | null {
  const candidates = [ind.baselineDate, first].filter((d): d is string => !!d);
  return candidates.length ? candidates.sort()[0]! : null;
}

/** Ended periods without a value, from the first expected period to `asOf`. */
export function coverage(ind: IndicatorRow, points: Point[], asOf: string): { missing: string[]; lastEndedMissing: boolean } {
  const start = firstExpected(ind, points[0]?.period);
  if (!start || start > asOf) return { missing: [], lastEndedMissing: false };
  const f = ind.frequency;
  const filled = new Set(points.map((p) => periodStartDay(f, dayOf(p.period))));
  const today = dayOf(asOf);
  const missing: string[] = [];
  let lastEndedMissing = false;
  for (let p = periodStartDay(f, dayOf(start)); ; ) {
    const next = nextPeriodStartDay(f, p);
    if (next - 1 >= today) break; // the period holding asOf has not ended: its value is not due yet
    lastEndedMissing = !filled.has(p);
    if (lastEndedMissing) missing.push(isoOfDay(p));
    p = next;
  }
  return { missing, lastEndedMissing };
}

/**
 * A period is "before" a date when it ended before it, "after" when it began on or after it; the
 * period straddling the date holds a bit of both and is set apart (impact leaves it out and says so).
 */
export type Side = { before: Point[]; after: Point[]; excluded: Point[] };

export function splitAt(ind: IndicatorRow, points: Point[], startDate: string): Side {
  const start = dayOf(startDate);
  const out: Side = { before: [], after: [], excluded: [] };
  for (const p of points) {
    const first = periodStartDay(ind.frequency, dayOf(p.period));
    const last = nextPeriodStartDay(ind.frequency, first) - 1;
    if (last < start) out.before.push(p);
    else if (first >= start) out.after.push(p);
    else out.excluded.push(p);
  }
  return out;
}
