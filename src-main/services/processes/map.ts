import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as S from '../../../src-shared/processes/map';
import type { Workspace } from '../../db/workspace';
import { rowToDto, type Row } from '../../db/entities';
import { requireLive } from '../../db/read';

// The map of a process as the UI draws it: everything it needs in one call, with the gap markers
// computed here so the app, the CLI and the reports agree on them.

/** Gaps that still stall work: an intervention may be running (addressing) but the loop is not closed. */
const OPEN_STATUSES = ['open', 'addressing'] as const;

interface GapAgg {
  step_id: string | null;
  n: number;
  worst: number;
}

const emptyMarker = (): S.GapMarker => ({ openGaps: 0, worstSeverity: null });

function addTo(marker: S.GapMarker, n: number, worst: number) {
  marker.openGaps += n;
  marker.worstSeverity = marker.worstSeverity === null ? worst : Math.max(marker.worstSeverity, worst);
}

export function liveStepRows(ws: Workspace, processId: string): Row[] {
  return ws.db
    .prepare(`SELECT * FROM steps WHERE process_id = ? AND deleted_at IS NULL ORDER BY position, id`)
    .all(processId) as Row[];
}

/** Flows of the process whose two ends are live steps (a deleted step hides its flows). */
export function liveFlowRows(ws: Workspace, processId: string): Row[] {
  return ws.db
    .prepare(
      `SELECT f.* FROM step_flows f
         JOIN steps a ON a.id = f.from_step_id AND a.deleted_at IS NULL
         JOIN steps b ON b.id = f.to_step_id AND b.deleted_at IS NULL
        WHERE f.process_id = ? AND f.deleted_at IS NULL
        ORDER BY a.position, b.position, f.id`,
    )
    .all(processId) as Row[];
}

export function buildProcessMap(ws: Workspace, processId: string): S.ProcessMap {
  const procRow = requireLive(ws.db, 'processes', processId, 'processId');
  const process = rowToDto<S.ProcessMap['process']>('processes', procRow);
  const rows = liveStepRows(ws, processId);
  const byId = new Map(rows.map((r) => [r.id as string, r]));

  const aggs = ws.db
    .prepare(
      `SELECT step_id, COUNT(*) AS n, MAX(severity) AS worst FROM gaps
        WHERE process_id = ? AND deleted_at IS NULL AND status IN (${OPEN_STATUSES.map(() => '?').join(', ')})
        GROUP BY step_id`,
    )
    .all(processId, ...OPEN_STATUSES) as GapAgg[];
  const markers = new Map<string, S.GapMarker>();
  const processGaps = emptyMarker();
  const totalGaps = emptyMarker();
  for (const a of aggs) {
    addTo(totalGaps, a.n, a.worst);
    if (a.step_id && byId.has(a.step_id)) {
      const m = markers.get(a.step_id) ?? emptyMarker();
      addTo(m, a.n, a.worst);
      markers.set(a.step_id, m);
    } else {
      addTo(processGaps, a.n, a.worst); // on no step, or on a step that no longer exists
    }
  }

  const depthOf = (row: Row): number => {
    let depth = 0;
    const seen = new Set<string>();
    let parent = row.parent_step_id as string | null;
    while (parent && byId.has(parent) && !seen.has(parent)) {
      seen.add(parent);
      depth++;
      parent = byId.get(parent)!.parent_step_id as string | null;
    }
    return depth;
  };

  const steps: S.MapStep[] = rows.map((r) => {
    const dto = rowToDto<S.MapStep>('steps', r);
    const parent = r.parent_step_id as string | null;
    return {
      ...dto,
      parentStepId: parent && byId.has(parent) ? parent : null,
      depth: depthOf(r),
      gaps: markers.get(r.id as string) ?? emptyMarker(),
    };
  });

  const counts = new Map<string | null, number>();
  for (const s of steps) counts.set(s.lane, (counts.get(s.lane) ?? 0) + 1);
  const lanes: S.MapLane[] = [];
  const listed = new Set<string>();
  for (const name of process.laneOrder ?? []) {
    if (listed.has(name)) continue;
    listed.add(name);
    lanes.push({ name, stepCount: counts.get(name) ?? 0 });
  }
  for (const s of steps) {
    if (s.lane === null || listed.has(s.lane)) continue;
    listed.add(s.lane);
    lanes.push({ name: s.lane, stepCount: counts.get(s.lane)! });
  }
  if (counts.has(null)) lanes.push({ name: null, stepCount: counts.get(null)! });

  const flows = liveFlowRows(ws, processId).map((r) => rowToDto<S.StepFlow>('step_flows', r));
  return { process, lanes, steps, flows, processGaps, totalGaps };
}

export function reorderSteps(ws: Workspace, input: z.output<typeof S.stepsReorder>): S.ProcessMap {
  requireLive(ws.db, 'processes', input.processId, 'processId');
  const live = liveStepRows(ws, input.processId).map((r) => r.id as string);
  const liveSet = new Set(live);
  const stranger = input.orderedStepIds.find((id) => !liveSet.has(id));
  if (stranger) {
    throw BoucleError.of('validation', 'map.step_stranger', { id: stranger }, 'orderedStepIds');
  }
  if (input.orderedStepIds.length !== live.length) {
    const missing = live.length - input.orderedStepIds.length;
    throw BoucleError.of('validation', 'map.order_incomplete', { missing }, 'orderedStepIds');
  }
  ws.writer.write((tx) => input.orderedStepIds.forEach((id, i) => tx.update('steps', id, { position: i })));
  return buildProcessMap(ws, input.processId);
}

export function reorderLanes(ws: Workspace, input: z.output<typeof S.lanesReorder>): S.ProcessMap {
  requireLive(ws.db, 'processes', input.processId, 'processId');
  ws.writer.write((tx) => tx.update('processes', input.processId, { lane_order: input.lanes }));
  return buildProcessMap(ws, input.processId);
}
