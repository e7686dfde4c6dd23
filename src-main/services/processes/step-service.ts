import type { z } from 'zod';
import type * as S from '../../../src-shared/processes/steps';
import type { Workspace } from '../../db/workspace';
import type { WriteTx } from '../../db/write';
import { getDto, listPage, requireLive, toColumns } from '../../db/read';

type Step = S.Step;

function liveStepIds(ws: Workspace, processId: string, exceptId?: string): string[] {
  return ws.db
    .prepare(`SELECT id FROM steps WHERE process_id = ? AND deleted_at IS NULL AND id IS NOT ? ORDER BY position, id`)
    .pluck()
    .all(processId, exceptId ?? null) as string[];
}

/** Rewrites positions 0..n-1 in the given order, logging only the steps that actually moved. */
function renumber(tx: WriteTx, ordered: string[]) {
  ordered.forEach((id, i) => tx.update('steps', id, { position: i }));
}

export function createStep(ws: Workspace, input: z.output<typeof S.stepCreate>): Step {
  const proc = requireLive(ws.db, 'processes', input.processId, 'processId');
  const id = ws.writer.write((tx) => {
    const others = liveStepIds(ws, input.processId);
    const at = Math.min(input.position ?? others.length, others.length);
    const newId = tx.insert('steps', {
      ...toColumns(input),
      position: at,
      department_id: proc.department_id as string,
    });
    renumber(tx, [...others.slice(0, at), newId, ...others.slice(at)]);
    return newId;
  });
  return getDto<Step>(ws.db, 'steps', id);
}

export function updateStep(ws: Workspace, input: z.output<typeof S.stepUpdate>): Step {
  const step = requireLive(ws.db, 'steps', input.id);
  ws.writer.write((tx) => {
    const { position, ...rest } = input;
    tx.update('steps', input.id, toColumns(rest));
    if (position !== undefined) {
      const others = liveStepIds(ws, step.process_id as string, input.id);
      const at = Math.min(position, others.length);
      renumber(tx, [...others.slice(0, at), input.id, ...others.slice(at)]);
    }
  });
  return getDto<Step>(ws.db, 'steps', input.id);
}

/** Gaps logged on a deleted step stay on its process: losing them would lose the evidence. */
export function deleteStep(ws: Workspace, id: string): { ok: true } {
  const step = requireLive(ws.db, 'steps', id);
  ws.writer.write((tx) => {
    const gaps = ws.db.prepare(`SELECT id FROM gaps WHERE step_id = ? AND deleted_at IS NULL`).pluck().all(id) as string[];
    for (const g of gaps) tx.update('gaps', g, { step_id: null });
    const flows = ws.db
      .prepare(`SELECT id FROM step_flows WHERE (from_step_id = ? OR to_step_id = ?) AND deleted_at IS NULL`)
      .pluck()
      .all(id, id) as string[];
    for (const f of flows) tx.remove('step_flows', f);
    tx.remove('steps', id);
    renumber(tx, liveStepIds(ws, step.process_id as string));
  });
  return { ok: true };
}

export const getStep = (ws: Workspace, id: string) => getDto<Step>(ws.db, 'steps', id);

export function listSteps(ws: Workspace, q: z.output<typeof S.stepList>) {
  return listPage<Step>(ws.db, 'steps', {
    where: { process_id: q.processId, department_id: q.departmentId },
    orderBy: 'process_id, position, id',
    limit: q.limit,
    offset: q.offset,
  });
}
