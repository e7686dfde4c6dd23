import type { IndicatorDirection } from '../../../src-shared/domain';
import type { IndicatorStatus, RagStatus } from '../../../src-shared/indicators/status';
import type { Workspace } from '../../db/workspace';
import { requireLive } from '../../db/read';
import { coverage, loadIndicator, loadPoints, type IndicatorRow } from './series';
import { todayIso } from './periods';

// RAG status (DOMAIN.md): green on or better than the target, amber within the tolerance band on the
// wrong side of it, red beyond; direction-aware. The band is |target| × tolerance %, so a target of 0
// has no amber band (any miss is red) — a percentage of nothing is nothing.

export interface RagInput {
  direction: IndicatorDirection;
  targetValue: number | null;
  tolerancePct: number;
  value: number | null;
}

/** Float noise must not turn a value exactly on a boundary (0.3 + 0.03) into the worse colour. */
const slack = (target: number) => 1e-9 * Math.max(1, Math.abs(target));

export function ragOf(input: RagInput): { status: RagStatus; band: { low: number; high: number } | null } {
  const { direction, targetValue: target, tolerancePct, value } = input;
  if (target === null) return { status: value === null ? 'no_data' : 'no_target', band: null };
  const tol = (Math.abs(target) * tolerancePct) / 100;
  const band = direction === 'higher' ? { low: target - tol, high: target } : { low: target, high: target + tol };
  if (value === null) return { status: 'no_data', band };
  const e = slack(target);
  if (direction === 'higher') {
    if (value >= target - e) return { status: 'green', band };
    if (value >= band.low - e) return { status: 'amber', band };
    return { status: 'red', band };
  }
  if (value <= target + e) return { status: 'green', band };
  if (value <= band.high + e) return { status: 'amber', band };
  return { status: 'red', band };
}

export function statusOfIndicator(ws: Workspace, ind: IndicatorRow, asOf = todayIso()): IndicatorStatus {
  const points = loadPoints(ws, ind.id, { to: asOf });
  const latest = points.at(-1) ?? null;
  const { status, band } = ragOf({
    direction: ind.direction,
    targetValue: ind.targetValue,
    tolerancePct: ind.tolerancePct,
    value: latest?.value ?? null,
  });
  const cov = coverage(ind, points, asOf);
  return {
    indicatorId: ind.id,
    status,
    direction: ind.direction,
    latest: latest ? { period: latest.period, value: latest.value } : null,
    targetValue: ind.targetValue,
    tolerancePct: ind.tolerancePct,
    band,
    deltaToTarget: latest && ind.targetValue !== null ? latest.value - ind.targetValue : null,
    missingPeriods: cov.missing.length,
    stale: cov.lastEndedMissing,
  };
}

export function indicatorStatus(ws: Workspace, input: { indicatorId: string; asOf?: string | undefined }): IndicatorStatus {
  return statusOfIndicator(ws, loadIndicator(ws, input.indicatorId, 'indicatorId'), input.asOf);
}

export function indicatorStatusList(
  ws: Workspace,
  input: { departmentId?: string | undefined; indicatorIds?: string[] | undefined; asOf?: string | undefined },
): IndicatorStatus[] {
  if (input.departmentId) requireLive(ws.db, 'departments', input.departmentId, 'departmentId');
  let ids: string[];
  if (input.indicatorIds) {
    ids = input.indicatorIds;
  } else {
    ids = ws.db
      .prepare(
        `SELECT id FROM indicators WHERE deleted_at IS NULL AND (? IS NULL OR department_id = ?) ORDER BY name COLLATE NOCASE, id`,
      )
      .pluck()
      .all(input.departmentId ?? null, input.departmentId ?? null) as string[];
  }
  return ids.map((id, i) => statusOfIndicator(ws, loadIndicator(ws, id, `indicatorIds.${i}`), input.asOf));
}
