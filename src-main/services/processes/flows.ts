import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as S from '../../../src-shared/processes/map';
import type { Workspace } from '../../db/workspace';
import { getDto, requireLive, toColumns } from '../../db/read';
import { liveFlowRows } from './map';
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
  const id = ws.writer.write((tx) =>
    tx.insert('step_flows', {
      process_id: from.process_id,
      from_step_id: input.fromStepId,
      to_step_id: input.toStepId,
      label: input.label ?? null,
      kind: input.kind,
      condition: input.condition ?? null,
      department_id: from.department_id as string,
    }),
  );
  return getDto<Flow>(ws.db, 'step_flows', id);
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
