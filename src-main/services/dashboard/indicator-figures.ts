import type { IndicatorTile } from '../../../src-shared/dashboard/schemas';
import type { IndicatorStatus } from '../../../src-shared/indicators/status';
import type { Workspace } from '../../db/workspace';
import { prepared } from '../../db/statements';
import { statusOfIndicator } from '../indicators/rag';
import { loadIndicator, loadPoints } from '../indicators/series';
import { scopeSql, type Scope } from './scope';

// Indicators as the RAG status of the core sees them on a given day (the latest value on or before it).

export function indicatorIdsOf(ws: Workspace, scope: Scope): string[] {
  const s = scopeSql('x', scope);
  return prepared(ws.db, `SELECT x.id FROM indicators x WHERE x.deleted_at IS NULL${s.sql} ORDER BY x.name COLLATE NOCASE, x.id`)
    .pluck()
    .all(...s.params) as string[];
}

export interface StatusCounts {
  green: number;
  amber: number;
  red: number;
  noData: number;
  noTarget: number;
  total: number;
}

export function countStatuses(statuses: IndicatorStatus[]): StatusCounts {
  const c: StatusCounts = { green: 0, amber: 0, red: 0, noData: 0, noTarget: 0, total: statuses.length };
  for (const s of statuses) {
    if (s.status === 'green') c.green++;
    else if (s.status === 'amber') c.amber++;
    else if (s.status === 'red') c.red++;
    else if (s.status === 'no_data') c.noData++;
    else c.noTarget++;
  }
  return c;
}

export function statusesOn(ws: Workspace, ids: string[], day: string): IndicatorStatus[] {
  return ids.map((id) => statusOfIndicator(ws, loadIndicator(ws, id), day));
}

const SPARK_POINTS = 12;

export function indicatorTiles(ws: Workspace, ids: string[], statuses: IndicatorStatus[], day: string): IndicatorTile[] {
  return ids.map((id, i) => {
    const ind = loadIndicator(ws, id);
    const st = statuses[i]!;
    const points = loadPoints(ws, id, { to: day }).slice(-SPARK_POINTS);
    return {
      indicatorId: id,
      departmentId: ind.departmentId,
      name: ind.name,
      unit: ind.unit,
      direction: ind.direction,
      status: st.status,
      latest: st.latest,
      targetValue: st.targetValue,
      spark: points.map((p) => ({ period: p.period, value: p.value })),
    };
  });
}
