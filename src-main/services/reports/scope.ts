import type { ReportDepartment } from '../../../src-shared/reports/model';
import type { ReportSpec } from '../../../src-shared/reports/schemas';
import type { Workspace } from '../../db/workspace';
import { requireLive } from '../../db/read';
import { prepared } from '../../db/statements';

// Which departments a report covers, and the case study's intervention.

export interface ReportScopeResolved {
  departments: ReportDepartment[];
  /** For the dashboard's figures: null = every department. */
  ids: string[] | null;
  all: boolean;
  focus: { id: string; title: string; departmentId: string } | null;
}

const toDepartment = (r: Record<string, unknown>): ReportDepartment => ({
  id: r.id as string,
  name: r.name as string,
  code: r.code as string,
  colour: r.colour as string,
  currency: r.currency as string,
});

export function resolveScope(ws: Workspace, spec: ReportSpec): ReportScopeResolved {
  let departments: ReportDepartment[];
  let all = false;
  if (spec.scope.kind === 'all') {
    all = true;
    departments = (prepared(ws.db, `SELECT * FROM departments WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`).all() as Record<string, unknown>[]).map(toDepartment);
  } else {
    const ids = spec.scope.kind === 'own' ? [spec.departmentId!] : [...new Set(spec.scope.departmentIds)];
    const field = spec.scope.kind === 'own' ? 'departmentId' : 'scope.departmentIds';
    departments = ids.map((id) => toDepartment(requireLive(ws.db, 'departments', id, field)));
  }
  let focus: ReportScopeResolved['focus'] = null;
  if (spec.focusInterventionId) {
    const r = requireLive(ws.db, 'interventions', spec.focusInterventionId, 'focusInterventionId');
    focus = { id: r.id as string, title: r.title as string, departmentId: r.department_id as string };
  }
  return { departments, ids: all ? null : departments.map((d) => d.id), all, focus };
}

/** Gap ids linked to an intervention. */
export function gapIdsOfIntervention(ws: Workspace, interventionId: string): string[] {
  return prepared(ws.db, `SELECT gap_id FROM gap_interventions WHERE intervention_id = ? AND deleted_at IS NULL`).pluck().all(interventionId) as string[];
}
