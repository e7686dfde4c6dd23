import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as A from '../../../src-shared/impact/schemas';
import type { Workspace } from '../../db/workspace';
import { requireLive } from '../../db/read';
import { loadIndicator, loadPoints, splitAt, type Point } from '../indicators/series';
import { welchInterval } from './welch';
import { xmrLimits, xmrSignals } from '../indicators/xmr';

// Impact of an intervention on an indicator (DOMAIN.md): the measurements before its start date
// against those after. A period is "before" when it ended before the start, "after" when it began on
// or after it; the period straddling the start holds a bit of both and is left out (and said so).
// Fewer than `minPoints` on either side gives "not enough data", never a number from three points.

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
