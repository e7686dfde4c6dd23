import type { z } from 'zod';
import type * as X from '../../../src-shared/indicators/xmr';
import type { Workspace } from '../../db/workspace';
import { loadIndicator, loadPoints, splitAt } from './series';
import { withMovingRanges, xmrLimits, xmrSignals } from './xmr';

// The XmR chart of an indicator (indicators.xmr): limits from the points before its first linked
// intervention when there are enough of them, signals after.

/** Fewest points the limits are computed on; fewer gives "not enough data". */
export const MIN_POINTS = 6;

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

export function indicatorXmr(ws: Workspace, input: z.output<typeof X.indicatorXmrInput>): X.IndicatorXmr {
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
