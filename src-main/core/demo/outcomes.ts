import type { DemoDepartment } from '../../../resources/demo';
import { BoucleError } from '../../../src-shared/errors';
import type { Workspace } from '../../db/workspace';
import { callSync } from './api-call';
import { monthStart } from './calendar';

// What the demo's interventions achieved, so that a review has something to show: the gaps they
// closed — each through gaps.close with the proof the core checks itself (a measured improvement of
// the indicator the intervention moves, by the Impact tab's rule), a few months after it started. A gap
// whose proof does not hold stays open, as it would for a user. Their benefit models: benefits.ts.

const MONTHS_TO_PROOF = 7;

export interface BuiltIntervention {
  id: string;
  startDate: string | null;
  status: string;
}

export function addOutcomes(
  ws: Workspace,
  dep: DemoDepartment,
  today: string,
  refs: { gapIds: Map<string, string>; interventions: Map<string, BuiltIntervention>; effectIndicator: Map<string, string> },
): void {
  for (const it of dep.interventions) {
    const built = refs.interventions.get(it.key);
    if (!built) continue;
    const indicatorId = refs.effectIndicator.get(it.key);
    if (!built.startDate || !indicatorId || (built.status !== 'running' && built.status !== 'done')) continue;
    const closedOn = monthStart(built.startDate, -MONTHS_TO_PROOF);
    if (closedOn >= today) continue;
    for (const g of it.closes) {
      const gapId = refs.gapIds.get(g);
      if (!gapId) continue;
      try {
        callSync(ws, 'gaps.close', { id: gapId, closedOn, evidence: { kind: 'measured_improvement', indicatorId, interventionId: built.id } });
      } catch (e) {
        if (!(e instanceof BoucleError)) throw e; // the proof did not hold: the gap stays open
      }
    }
  }
}
