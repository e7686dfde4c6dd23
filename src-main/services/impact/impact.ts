import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as A from '../../../src-shared/impact/schemas';
import { rampUpMonths } from '../../../src-shared/impact/ramp-up';
import type { Workspace } from '../../db/workspace';
import { requireLive } from '../../db/read';
import { prepared } from '../../db/statements';
import { loadIndicator, loadPoints, type IndicatorRow } from '../indicators/series';
import { xmrPhases } from '../indicators/xmr-phases';
import { analyseImpact } from './its';
import { impactMethod } from './impact-method';
import { planWindows } from './impact-window';

// impact.compute: the windows from the data (impact-window.ts), the statistics from the engine
// (its.ts, xmr-phases.ts), the words from method-text.ts and impact-method.ts.

export interface InterventionFacts {
  id: string;
  title: string;
  kind: string;
  startDate: string;
  endDate: string | null;
  rampUpMonths: number | null;
}

/** The other interventions linked to the indicator, with a start date. */
function neighbours(ws: Workspace, indicatorId: string, interventionId: string): A.ImpactNeighbour[] {
  return (
    prepared(
      ws.db,
        `SELECT i.id, i.title, i.start_date, i.end_date FROM indicator_links l JOIN interventions i ON i.id = l.intervention_id
          WHERE l.indicator_id = ? AND l.deleted_at IS NULL AND i.deleted_at IS NULL AND i.start_date IS NOT NULL AND i.id <> ?
          ORDER BY i.start_date, i.id`,
    )
      .all(indicatorId, interventionId) as { id: string; title: string; start_date: string; end_date: string | null }[]
  ).map((r) => ({ interventionId: r.id, title: r.title, startDate: r.start_date, endDate: r.end_date }));
}

/** The figures of an impact without their explanation (the dashboard's playbook needs only the numbers). */
export type ImpactFigures = Omit<A.ImpactResult, 'method'>;

export function impactFiguresOf(ws: Workspace, itv: InterventionFacts, ind: IndicatorRow): ImpactFigures {
  const ramp = rampUpMonths(itv.kind, itv.rampUpMonths);
  const plan = planWindows(
    ind.frequency,
    loadPoints(ws, ind.id).map((p) => ({ period: p.period, value: p.value })),
    { startDate: itv.startDate, endDate: itv.endDate, rampUpMonths: ramp.months },
    neighbours(ws, ind.id, itv.id),
  );
  const base = {
    interventionId: itv.id,
    indicatorId: ind.id,
    startDate: itv.startDate,
    endDate: itv.endDate,
    direction: ind.direction,
    unit: ind.unit,
    frequency: ind.frequency,
    rampUp: { months: ramp.months, source: ramp.source, periods: plan.rampUpPeriods },
    bounds: plan.bounds,
    overlapping: plan.overlapping,
  };
  const its = plan.overlapping.length === 0 && plan.engine ? analyseImpact({ ...plan.engine, direction: ind.direction }) : null;
  const reasons: A.ImpactReason[] = plan.overlapping.length > 0 ? ['not_separately_attributable'] : its ? its.reasons : ['not_enough_data'];
  const verdict: A.ImpactVerdict = reasons.length > 0 ? 'no_clear_effect' : its!.verdict;

  let xmr: A.ImpactResult['xmr'] = null;
  if (its && plan.engine && plan.engine.start >= 2) {
    const x = xmrPhases({ points: plan.engine.points, baselineEnd: plan.engine.start, direction: ind.direction });
    if (x.status === 'ok') {
      xmr = { effect: x.effect, phases: x.phases.length, signalsAfter: x.signals.filter((s) => s.periods.some((p) => p >= itv.startDate.slice(0, 10))) };
    }
  }
  const baseline = its?.model?.baseline.estimate ?? null;
  const effect = its?.effect ? { ...its.effect } : null;
  return {
    ...base,
    verdict,
    reason: reasons[0] ?? null,
    reasons,
    effect,
    changePct: effect && baseline ? (effect.estimate / Math.abs(baseline)) * 100 : null,
    its,
    xmr,
  };
}

export function impactOf(ws: Workspace, itv: InterventionFacts, ind: IndicatorRow): A.ImpactResult {
  const result = impactFiguresOf(ws, itv, ind);
  return { ...result, method: impactMethod(result, itv, ind) };
}

function factsOf(ws: Workspace, input: z.output<typeof A.impactInput>): { itv: InterventionFacts; ind: IndicatorRow } {
  const r = requireLive(ws.db, 'interventions', input.interventionId, 'interventionId');
  const startDate = r.start_date as string | null;
  if (!startDate) throw BoucleError.of('validation', 'impact.no_start', undefined, 'interventionId');
  const ind = loadIndicator(ws, input.indicatorId, 'indicatorId');
  const itv: InterventionFacts = {
    id: r.id as string,
    title: r.title as string,
    kind: r.kind as string,
    startDate,
    endDate: (r.end_date as string | null) ?? null,
    rampUpMonths: (r.ramp_up_months as number | null) ?? null,
  };
  return { itv, ind };
}

export function computeImpact(ws: Workspace, input: z.output<typeof A.impactInput>): A.ImpactResult {
  const { itv, ind } = factsOf(ws, input);
  return impactOf(ws, itv, ind);
}

/**
 * computeImpact's numbers without the "how is this computed" sentences, which cost more than the
 * statistics themselves (dates, periods and money formatted in two languages) and which a caller that
 * reads only the effect would throw away.
 */
export function computeImpactFigures(ws: Workspace, input: z.output<typeof A.impactInput>): ImpactFigures {
  const { itv, ind } = factsOf(ws, input);
  return impactFiguresOf(ws, itv, ind);
}
