import type { IndicatorDirection } from '../../../src-shared/domain';
import { RAG_POINTS, type IndicatorStatus, type RagStatus } from '../../../src-shared/indicators/status';
import type { Workspace } from '../../db/workspace';
import { requireLive } from '../../db/read';
import { coverage, loadIndicator, loadPoints, type IndicatorRow, type Point } from './series';
import { ragMethod } from './rag-method';
import { currentPhaseStart } from './xmr-chart';
import { todayIso } from './periods';

// RAG status (DOMAIN.md): green on or better than the target, amber within the tolerance band on the
// wrong side of it, red beyond; direction-aware. The band is |target| × tolerance %, so a target of 0
// has no amber band (any miss is red) — a percentage of nothing is nothing.
// Judged on the median of the last points, not on the latest alone: on monthly data one noisy point
// would otherwise flip the colour every other review. A latest point worse than the median is a
// "watch" (said, not coloured) until the next points confirm it.

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

/** Fewer points than this in the current phase and the status looks across phases (last RAG_POINTS). */
const MIN_PHASE_POINTS = 3;

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/**
 * The points the status is judged on: the last RAG_POINTS, within the current XmR phase when one
 * began recently (a sustained shift is not averaged with the level before it) and has at least
 * MIN_PHASE_POINTS of them.
 */
export function judgedPoints(points: Point[], phaseStart: string | null): { rule: NonNullable<IndicatorStatus['judged']>['rule']; points: Point[] } {
  const inPhase = phaseStart ? points.filter((p) => p.period >= phaseStart) : [];
  if (phaseStart && inPhase.length >= MIN_PHASE_POINTS && inPhase.length < points.length) {
    return { rule: 'median_current_phase', points: inPhase.slice(-RAG_POINTS) };
  }
  return { rule: 'median_last_points', points: points.slice(-RAG_POINTS) };
}

const RANK: Record<RagStatus, number> = { green: 0, amber: 1, red: 2, no_data: -1, no_target: -1 };

export function statusOfIndicator(ws: Workspace, ind: IndicatorRow, asOf = todayIso()): IndicatorStatus {
  const points = loadPoints(ws, ind.id, { to: asOf });
  const phaseStart = currentPhaseStart(ws, ind, points);
  const latest = points.at(-1) ?? null;
  const basis = judgedPoints(points, phaseStart);
  const value = basis.points.length ? median(basis.points.map((p) => p.value)) : null;
  const rag = (v: number | null) => ragOf({ direction: ind.direction, targetValue: ind.targetValue, tolerancePct: ind.tolerancePct, value: v });
  const { status, band } = rag(value);
  const latestStatus = rag(latest?.value ?? null).status;
  const cov = coverage(ind, points, asOf);
  const judged =
    value === null
      ? null
      : { rule: basis.rule, value, points: basis.points.map((p) => ({ period: p.period, value: p.value })), wanted: RAG_POINTS };
  const watch = RANK[status] >= 0 && RANK[latestStatus] > RANK[status];
  return {
    indicatorId: ind.id,
    status,
    direction: ind.direction,
    latest: latest ? { period: latest.period, value: latest.value } : null,
    judged,
    latestStatus,
    watch,
    targetValue: ind.targetValue,
    tolerancePct: ind.tolerancePct,
    band,
    deltaToTarget: value !== null && ind.targetValue !== null ? value - ind.targetValue : null,
    missingPeriods: cov.missing.length,
    stale: cov.lastEndedMissing,
    method: ragMethod({ ind, asOf, judged, band, status, latestStatus, latest, watch, phaseStart }),
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
