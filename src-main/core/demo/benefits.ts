import type { DemoDepartment } from '../../../resources/demo';
import type { Workspace } from '../../db/workspace';
import { BoucleError } from '../../../src-shared/errors';
import { callSync } from './api-call';

// The demo's benefit models, after its measurements exist and its loops are closed (outcomes.ts):
// typed, or derived from a measured impact or a closed gap, so the ROI shows where its figures came from.

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

const NOT_MEASURED = new Set<string>(['derive.no_improvement', 'derive.not_enough_data']);

export function addBenefitModels(ws: Workspace, dep: DemoDepartment, refs: DemoRefs) {
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
