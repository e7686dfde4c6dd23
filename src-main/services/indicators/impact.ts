import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as A from '../../../src-shared/schemas/indicators-analytics';
import type { Workspace } from '../../core/workspace';
import { requireLive } from '../store';
import { dayOf, nextPeriodStartDay, periodStartDay } from './periods';
import { loadIndicator, loadPoints, type IndicatorRow, type Point } from './series';
import { welchInterval } from './welch';
import { withMovingRanges, xmrLimits, xmrSignals } from './xmr';

// Impact of an intervention on an indicator (DOMAIN.md): the measurements before its start date
// against those after. A period is "before" when it ended before the start, "after" when it began on
// or after it; the period straddling the start holds a bit of both and is left out (and said so).
// Fewer than `minPoints` on either side gives "not enough data", never a number from three points.

export const MIN_POINTS = 6;

type Side = { before: Point[]; after: Point[]; excluded: Point[] };

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

const side = (points: Point[]): A.ImpactSide => ({
  n: points.length,
  mean: mean(points.map((p) => p.value)),
  sd: sampleStandardDeviation(points.map((p) => p.value)),
  from: points[0]!.period,
  to: points.at(-1)!.period,
});

export function computeImpact(ws: Workspace, input: z.output<typeof A.impactInput>): A.ImpactResult {
  const itv = requireLive(ws.db, 'interventions', input.interventionId, 'interventionId');
  const startDate = itv.start_date as string | null;
  if (!startDate) throw BoucleError.of('validation', 'impact.no_start', undefined, 'interventionId');
  const ind = loadIndicator(ws, input.indicatorId, 'indicatorId');
  const { before, after, excluded } = splitAt(ind, loadPoints(ws, ind.id), startDate);
  const ids = { interventionId: input.interventionId, indicatorId: ind.id, startDate };
  if (before.length < input.minPoints || after.length < input.minPoints) {
    return { status: 'not_enough_data', needed: input.minPoints, have: { before: before.length, after: after.length }, ...ids };
  }
  const b = side(before);
  const a = side(after);
  const w = welchInterval(
    before.map((p) => p.value),
    after.map((p) => p.value),
  );
  const up = w.low > 0;
  const down = w.high < 0;
  const verdict: A.ImpactVerdict =
    !up && !down ? 'no_clear_change' : up === (ind.direction === 'higher') ? 'improved' : 'worsened';
  const limits = xmrLimits(before)!;
  return {
    status: 'ok',
    ...ids,
    direction: ind.direction,
    unit: ind.unit,
    before: b,
    after: a,
    change: a.mean - b.mean,
    changePct: b.mean === 0 ? null : ((a.mean - b.mean) / Math.abs(b.mean)) * 100,
    interval: { level: 0.95, low: w.low, high: w.high, df: w.df, se: w.se, t: w.t, method: 'welch' },
    verdict,
    excluded: excluded.map((p) => p.period),
    xmr: { limits, signals: xmrSignals(after, limits, ind.direction) },
  };
}

/** The earliest start date of the interventions linked to the indicator, if any. */
function firstLinkedStart(ws: Workspace, indicatorId: string): string | null {
  return (
    (ws.db
      .prepare(
        `SELECT MIN(i.start_date) FROM indicator_links l JOIN interventions i ON i.id = l.intervention_id
          WHERE l.indicator_id = ? AND l.deleted_at IS NULL AND i.deleted_at IS NULL AND i.start_date IS NOT NULL`,
      )
      .pluck()
      .get(indicatorId) as string | null) ?? null
  );
}

export function indicatorXmr(ws: Workspace, input: z.output<typeof A.indicatorXmrInput>): A.IndicatorXmr {
  const ind = loadIndicator(ws, input.indicatorId, 'indicatorId');
  const points = loadPoints(ws, ind.id, { from: input.from, to: input.to });
  let basis: 'before_intervention' | 'all' | 'chosen' = 'all';
  let base = points;
  if (input.limitsFrom || input.limitsTo) {
    basis = 'chosen';
    base = points.filter((p) => (!input.limitsFrom || p.period >= input.limitsFrom) && (!input.limitsTo || p.period <= input.limitsTo));
  } else {
    const start = firstLinkedStart(ws, ind.id);
    const before = start ? splitAt(ind, points, start).before : [];
    if (before.length >= MIN_POINTS) {
      basis = 'before_intervention';
      base = before;
    }
  }
  if (base.length < MIN_POINTS) return { status: 'not_enough_data', needed: MIN_POINTS, have: base.length, indicatorId: ind.id };
  const limits = xmrLimits(base)!;
  const watched = basis === 'all' ? points : points.filter((p) => p.period > limits.to);
  return {
    status: 'ok',
    indicatorId: ind.id,
    basis,
    limits,
    points: withMovingRanges(points),
    signals: xmrSignals(watched, limits, ind.direction),
  };
}
