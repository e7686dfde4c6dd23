import type { Gap } from '../../../src-shared/gaps/schemas';
import type { ClosedLoop } from '../../../src-shared/reports/model';
import type { ProcessMap } from '../../../src-shared/processes/map';
import type { Workspace } from '../../db/workspace';
import { prepared } from '../../db/statements';
import { listGaps, readGaps } from '../gaps/register';
import { buildProcessMap } from '../processes/map';
import { scopeSql } from '../dashboard/scope';
import { gapIdsOfIntervention, type ReportScopeResolved } from './scope';

// The gaps of a report, read through the register (same cost, same order as the app's register).

const PAGE = 1000;

/** Every gap still open (open or addressing) in scope, costliest first, as the register sorts by cost. */
export function openGaps(ws: Workspace, scope: ReportScopeResolved): Gap[] {
  if (scope.focus) return readGaps(ws, gapIdsOfIntervention(ws, scope.focus.id)).filter((g) => g.status === 'open' || g.status === 'addressing');
  const out: Gap[] = [];
  for (const departmentId of scope.ids ?? [undefined]) {
    for (let offset = 0; ; offset += PAGE) {
      const page = listGaps(ws, { departmentId, status: ['open', 'addressing'], sortBy: 'cost', sortDir: 'desc', limit: PAGE, offset });
      out.push(...page.items);
      if (offset + PAGE >= page.total) break;
    }
  }
  if ((scope.ids?.length ?? 0) > 1) out.sort((a, b) => (b.monthlyCostCents ?? -1) - (a.monthlyCostCents ?? -1));
  return out;
}

/** Gaps closed in the window, with the proof they were closed with and the interventions that closed them. */
export function loopsClosed(ws: Workspace, scope: ReportScopeResolved, from: string, to: string): ClosedLoop[] {
  const s = scopeSql('g', scope.ids);
  let ids = prepared(
    ws.db,
    `SELECT g.id FROM gaps g WHERE g.deleted_at IS NULL AND g.status = 'closed' AND g.closed_on BETWEEN ? AND ?${s.sql} ORDER BY g.closed_on, g.id`,
  ).pluck().all(from, to, ...s.params) as string[];
  if (scope.focus) {
    const linked = new Set(gapIdsOfIntervention(ws, scope.focus.id));
    ids = ids.filter((id) => linked.has(id));
  }
  const itvOf = prepared(
    ws.db,
    `SELECT i.id, i.title, i.kind FROM gap_interventions l JOIN interventions i ON i.id = l.intervention_id AND i.deleted_at IS NULL
      WHERE l.gap_id = ? AND l.deleted_at IS NULL ORDER BY i.start_date, i.title`,
  );
  return readGaps(ws, ids).map((gap) => ({
    gap,
    interventions: itvOf.all(gap.id) as ClosedLoop['interventions'],
    evidence: gap.closureEvidence,
  }));
}

/** The swimlane map of each process in scope (with its gap markers), in department then name order. */
export function processMaps(ws: Workspace, scope: ReportScopeResolved): ProcessMap[] {
  const s = scopeSql('p', scope.ids);
  const ids = prepared(
    ws.db,
    `SELECT p.id FROM processes p JOIN departments d ON d.id = p.department_id
      WHERE p.deleted_at IS NULL${s.sql} ORDER BY d.name COLLATE NOCASE, p.name COLLATE NOCASE, p.id`,
  ).pluck().all(...s.params) as string[];
  return ids.map((id) => buildProcessMap(ws, id)).filter((m) => m.steps.length > 0);
}
