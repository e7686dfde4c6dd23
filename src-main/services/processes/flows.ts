import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as S from '../../../src-shared/processes/map';
import type { Workspace } from '../../db/workspace';
import { getDto, requireLive, toColumns } from '../../db/read';
import { buildProcessMap, liveFlowRows } from './map';
import { rowToDto } from '../../db/entities';

// Flows between steps: how a map shows branches (one step, several next steps) and joins.

type Flow = S.StepFlow;

export function createFlow(ws: Workspace, input: z.output<typeof S.flowCreate>): Flow {
  const from = requireLive(ws.db, 'steps', input.fromStepId, 'fromStepId');
  const to = requireLive(ws.db, 'steps', input.toStepId, 'toStepId');
  if (from.process_id !== to.process_id) {
    throw BoucleError.of('validation', 'flow.same_process', undefined, 'toStepId');
  }
  const clash = ws.db
    .prepare(`SELECT id FROM step_flows WHERE from_step_id = ? AND to_step_id = ? AND deleted_at IS NULL`)
    .get(input.fromStepId, input.toStepId);
  if (clash) throw BoucleError.of('conflict', 'flow.exists', undefined, 'toStepId');
  const processId = from.process_id as string;
  const sequence = input.keepSequence && liveFlowRows(ws, processId).length === 0 ? implicitSequence(ws, processId) : [];
  const row = (fromStepId: string, toStepId: string) => ({
    process_id: processId,
    from_step_id: fromStepId,
    to_step_id: toStepId,
    department_id: from.department_id as string,
  });
  const id = ws.writer.write((tx) => {
    for (const [a, b] of sequence) {
      if (a !== input.fromStepId || b !== input.toStepId) tx.insert('step_flows', { ...row(a, b), label: null, kind: 'sequence', condition: null });
    }
    return tx.insert('step_flows', { ...row(input.fromStepId, input.toStepId), label: input.label ?? null, kind: input.kind, condition: input.condition ?? null });
  });
  return getDto<Flow>(ws.db, 'step_flows', id);
}

/** The steps in order, as the map draws a process without flows (entering a sub-process is its frame, not an arrow). */
function implicitSequence(ws: Workspace, processId: string): [string, string][] {
  const steps = buildProcessMap(ws, processId).steps;
  const pairs: [string, string][] = [];
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.parentStepId !== steps[i - 1]!.id) pairs.push([steps[i - 1]!.id, steps[i]!.id]);
  }
  return pairs;
}

export function updateFlow(ws: Workspace, input: z.output<typeof S.flowUpdate>): Flow {
  requireLive(ws.db, 'step_flows', input.id);
  ws.writer.write((tx) => tx.update('step_flows', input.id, toColumns(input)));
  return getDto<Flow>(ws.db, 'step_flows', input.id);
}

export function deleteFlow(ws: Workspace, id: string): { ok: true } {
  requireLive(ws.db, 'step_flows', id);
  ws.writer.write((tx) => tx.remove('step_flows', id));
  return { ok: true };
}

export function listFlows(ws: Workspace, processId: string): Flow[] {
  requireLive(ws.db, 'processes', processId, 'processId');
  return liveFlowRows(ws, processId).map((r) => rowToDto<Flow>('step_flows', r));
}
