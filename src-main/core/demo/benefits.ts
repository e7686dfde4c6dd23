import type { DemoDepartment } from '../../../resources/demo';
import type { Workspace } from '../../db/workspace';
import { BoucleError } from '../../../src-shared/errors';
import { todayIso } from '../../db/ids';
import { callSync } from './api-call';

// The demo's closed loops and benefit models, after its measurements exist: gaps closed by a
// measured improvement (the Impact tab's rule), then each intervention's benefit models — typed, or
// derived from a measured impact or a closed gap, so the ROI shows where its figures came from.

export interface DemoRefs {
  gapIds: Map<string, string>;
  interventionIds: Map<string, string>;
  indicatorIds: Map<string, string>;
}

function ref(map: Map<string, string>, key: string, what: string, where: string): string {
  const v = map.get(key);
  if (v === undefined) throw new Error(`Demo recipe: ${where} names an unknown ${what} "${key}"`);
  return v;
}

/**
 * Runs a step that rests on a measured improvement; when the data (another seed) does not show one,
 * the core refuses before writing anything, and the demo goes on without it — as a loop closer would.
 */
function ifMeasured(step: () => unknown) {
  try {
    step();
  } catch (e) {
    const refused = e instanceof BoucleError && e.code === 'validation' && NOT_MEASURED.has(e.key ?? '');
    if (!refused) throw e;
  }
}

const NOT_MEASURED = new Set<string>(['derive.no_improvement', 'derive.not_enough_data', 'evidence.not_proven', 'evidence.worsened']);

export function closeAndValue(ws: Workspace, dep: DemoDepartment, refs: DemoRefs, today: string) {
  // A closing is dated on the demo's day, never after the real one (the core refuses a future closing).
  const closedOn = today < todayIso() ? today : todayIso();
  for (const g of dep.gaps) {
    if (!g.closedBy) continue;
    const where = `gap ${g.key}`;
    const evidence = {
      kind: 'measured_improvement' as const,
      indicatorId: ref(refs.indicatorIds, g.closedBy.indicator, 'indicator', where),
      interventionId: ref(refs.interventionIds, g.closedBy.intervention, 'intervention', where),
    };
    ifMeasured(() => callSync(ws, 'gaps.close', { id: ref(refs.gapIds, g.key, 'gap', where), closedOn, evidence }));
  }
  for (const it of dep.interventions) {
    const interventionId = ref(refs.interventionIds, it.key, 'intervention', `intervention ${it.key}`);
    for (const b of it.benefits ?? []) {
      const where = `benefit "${b.label}" of ${it.key}`;
      if ('derive' in b && b.derive === 'impact') {
        const { derive: _d, indicator, ...rest } = b;
        const indicatorId = ref(refs.indicatorIds, indicator, 'indicator', where);
        ifMeasured(() => callSync(ws, 'benefitModels.derive', { source: 'impact', interventionId, indicatorId, ...rest }));
      } else if ('derive' in b) {
        const gapId = ref(refs.gapIds, b.gap, 'gap', where);
        const closed = ws.db.prepare(`SELECT status FROM gaps WHERE id = ?`).pluck().get(gapId) === 'closed';
        if (closed) callSync(ws, 'benefitModels.derive', { source: 'gap', interventionId, gapId, label: b.label, ...(b.classification ? { classification: b.classification } : {}) });
      } else {
        callSync(ws, 'benefitModels.create', { interventionId, ...b });
      }
    }
  }
}
