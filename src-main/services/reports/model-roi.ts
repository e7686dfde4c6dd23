import type { InterventionRoi } from '../../../src-shared/roi/schemas';
import type { SectionOf } from '../../../src-shared/reports/model';
import type { Workspace } from '../../db/workspace';
import { departmentRoi, interventionRoi } from '../roi/roi';
import type { ReportScopeResolved } from './scope';

// The ROI section: each department's ROI (per intervention and in total, hard and soft apart) from the
// ROI service; for a case study, the one intervention's ROI month by month. Its own file, so that a
// change of the ROI's figures touches only this and its renderer.

export function roiSection(ws: Workspace, scope: ReportScopeResolved, w: { from: string; to: string }): Omit<SectionOf<'roi'>, 'title'> {
  let focus: InterventionRoi | null = null;
  if (scope.focus) {
    const start = ws.db.prepare(`SELECT start_date FROM interventions WHERE id = ?`).pluck().get(scope.focus.id);
    if (start) focus = interventionRoi(ws, { interventionId: scope.focus.id, ...w });
  }
  const departments = scope.departments.map((d) => ({ ...departmentRoi(ws, { departmentId: d.id, ...w }), departmentName: d.name }));
  return { kind: 'roi', departments, focus };
}
