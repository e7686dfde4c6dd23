import type { Indicator } from '../../../src-shared/indicators/schemas';
import type { IndicatorPage } from '../../../src-shared/reports/model';
import type { Workspace } from '../../db/workspace';
import { getDto } from '../../db/read';
import { prepared } from '../../db/statements';
import { statusOfIndicator } from '../indicators/rag';
import { loadIndicator, loadPoints } from '../indicators/series';
import { indicatorXmr } from '../indicators/xmr-chart';
import { computeImpact } from '../impact/impact';
import { scopeSql } from '../dashboard/scope';
import { gapIdsOfIntervention, type ReportScopeResolved } from './scope';

// One page per indicator: its trend up to the period's end, RAG status on that day, XmR limits, and the
// impact of each intervention linked to it — each figure from its own service (indicators.status,
// indicators.xmr, impact.compute), so the report says what the indicator screen says.

/** The indicators in scope; for a case study, those linked to the intervention or to its gaps. */
export function indicatorIds(ws: Workspace, scope: ReportScopeResolved): string[] {
  if (scope.focus) {
    const gaps = gapIdsOfIntervention(ws, scope.focus.id);
    return prepared(
      ws.db,
      `SELECT DISTINCT x.id FROM indicators x JOIN indicator_links l ON l.indicator_id = x.id AND l.deleted_at IS NULL
        WHERE x.deleted_at IS NULL AND (l.intervention_id = ? OR l.gap_id IN (SELECT value FROM json_each(?)))
        ORDER BY x.name COLLATE NOCASE, x.id`,
    ).pluck().all(scope.focus.id, JSON.stringify(gaps)) as string[];
  }
  const s = scopeSql('x', scope.ids);
  return prepared(
    ws.db,
    `SELECT x.id FROM indicators x JOIN departments d ON d.id = x.department_id
      WHERE x.deleted_at IS NULL${s.sql} ORDER BY d.name COLLATE NOCASE, x.name COLLATE NOCASE, x.id`,
  ).pluck().all(...s.params) as string[];
}

const nameOf = (ws: Workspace, table: 'departments' | 'processes', id: string | null) =>
  id ? ((prepared(ws.db, `SELECT name FROM ${table} WHERE id = ?`).pluck().get(id) as string | undefined) ?? null) : null;

export function indicatorPage(ws: Workspace, id: string, to: string): IndicatorPage {
  const indicator = getDto<Indicator>(ws.db, 'indicators', id);
  const row = loadIndicator(ws, id);
  const interventions = prepared(
    ws.db,
    `SELECT i.id, i.title, i.start_date AS startDate FROM indicator_links l JOIN interventions i ON i.id = l.intervention_id AND i.deleted_at IS NULL
      WHERE l.indicator_id = ? AND l.deleted_at IS NULL AND i.start_date IS NOT NULL ORDER BY i.start_date, i.title`,
  ).all(id) as { id: string; title: string; startDate: string }[];
  return {
    indicator,
    departmentName: nameOf(ws, 'departments', indicator.departmentId) ?? '',
    processName: nameOf(ws, 'processes', indicator.processId),
    status: statusOfIndicator(ws, row, to),
    measurements: loadPoints(ws, id, { to }).map((p) => ({ period: p.period, value: p.value })),
    xmr: indicatorXmr(ws, { indicatorId: id, to }),
    interventions,
    impacts: interventions.map((i) => ({
      interventionId: i.id,
      interventionTitle: i.title,
      result: computeImpact(ws, { interventionId: i.id, indicatorId: id }),
    })),
  };
}

/** Indicators whose last ended period has no value, or with periods missing, on the period's end. */
export function missingUpdates(ws: Workspace, ids: string[], to: string) {
  return ids.flatMap((id) => {
    const status = statusOfIndicator(ws, loadIndicator(ws, id), to);
    if (!status.stale && status.missingPeriods === 0) return [];
    const indicator = getDto<Indicator>(ws.db, 'indicators', id);
    return [{ indicator, departmentName: nameOf(ws, 'departments', indicator.departmentId) ?? '', status }];
  });
}
