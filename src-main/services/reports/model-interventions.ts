import type { Intervention } from '../../../src-shared/interventions/schemas';
import type { InterventionRow } from '../../../src-shared/reports/model';
import type { Workspace } from '../../db/workspace';
import { getDto } from '../../db/read';
import { prepared } from '../../db/statements';
import { scopeSql } from '../dashboard/scope';
import type { ReportScopeResolved } from './scope';

// The interventions of a report: status, costs and the gaps each one is linked to.

export function interventionRows(ws: Workspace, scope: ReportScopeResolved): InterventionRow[] {
  const s = scopeSql('i', scope.ids);
  const ids = scope.focus
    ? [scope.focus.id]
    : (prepared(
        ws.db,
        `SELECT i.id FROM interventions i JOIN departments d ON d.id = i.department_id
          WHERE i.deleted_at IS NULL${s.sql}
          ORDER BY d.name COLLATE NOCASE, CASE i.status WHEN 'running' THEN 0 WHEN 'planned' THEN 1 WHEN 'done' THEN 2 WHEN 'idea' THEN 3 ELSE 4 END,
                   i.start_date, i.title COLLATE NOCASE, i.id`,
      ).pluck().all(...s.params) as string[]);
  const gapsOf = prepared(
    ws.db,
    `SELECT g.id, g.title, g.status FROM gap_interventions l JOIN gaps g ON g.id = l.gap_id AND g.deleted_at IS NULL
      WHERE l.intervention_id = ? AND l.deleted_at IS NULL ORDER BY g.title COLLATE NOCASE`,
  );
  const depName = prepared(ws.db, `SELECT name FROM departments WHERE id = ?`).pluck();
  return ids.map((id) => {
    const intervention = getDto<Intervention>(ws.db, 'interventions', id);
    return {
      intervention,
      departmentName: depName.get(intervention.departmentId) as string,
      linkedGaps: gapsOf.all(id) as InterventionRow['linkedGaps'],
    };
  });
}
