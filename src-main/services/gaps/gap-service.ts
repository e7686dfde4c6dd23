import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as S from '../../../src-shared/gaps/schemas';
import type { Workspace } from '../../db/workspace';
import { todayIso } from '../../db/ids';
import { getGap } from './register';
import { statusFromLinks } from './status-rules';
import { requireLive, toColumns } from '../../db/read';

// Gaps: create, update, delete. Reads (the register, with its cost computed in SQL) live in
// register.ts; closing and reopening in closing.ts.

export { getGap, listGaps } from './register';

type Gap = S.Gap;

function checkStep(ws: Workspace, processId: string, stepId: string | null | undefined) {
  if (!stepId) return;
  const step = requireLive(ws.db, 'steps', stepId, 'stepId');
  if (step.process_id !== processId) {
    throw BoucleError.of('validation', 'gap.step_other_process', undefined, 'stepId');
  }
}

export function createGap(ws: Workspace, input: z.output<typeof S.gapCreate>): Gap {
  const proc = requireLive(ws.db, 'processes', input.processId, 'processId');
  checkStep(ws, input.processId, input.stepId);
  const id = ws.writer.write((tx) =>
    tx.insert('gaps', {
      ...toColumns(input),
      found_on: input.foundOn ?? todayIso(),
      status: 'open',
      department_id: proc.department_id as string,
    }),
  );
  return getGap(ws, id);
}

export function updateGap(ws: Workspace, input: z.output<typeof S.gapUpdate>): Gap {
  const gap = requireLive(ws.db, 'gaps', input.id);
  if (input.stepId !== undefined) checkStep(ws, gap.process_id as string, input.stepId);
  if (input.status && gap.status === 'closed') {
    throw BoucleError.of('validation', 'gap.reopen_with_api', undefined, 'status');
  }
  const foundOn = input.foundOn ?? (gap.found_on as string);
  if (gap.closed_on && foundOn > (gap.closed_on as string)) {
    throw BoucleError.of('validation', 'gap.found_after_closed', undefined, 'foundOn');
  }
  ws.writer.write((tx) => {
    // "open" means "not dismissed": the links decide between open and addressing (status-rules.ts).
    const status = input.status === 'open' ? statusFromLinks(tx.db, input.id) : input.status;
    tx.update('gaps', input.id, toColumns({ ...input, status }));
  });
  return getGap(ws, input.id);
}

export function deleteGap(ws: Workspace, id: string): { ok: true } {
  requireLive(ws.db, 'gaps', id);
  ws.writer.write((tx) => {
    for (const table of ['gap_interventions', 'indicator_links'] as const) {
      const links = ws.db.prepare(`SELECT id FROM ${table} WHERE gap_id = ? AND deleted_at IS NULL`).pluck().all(id) as string[];
      for (const l of links) tx.remove(table, l);
    }
    tx.remove('gaps', id);
  });
  return { ok: true };
}
