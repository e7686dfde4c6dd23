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

/** The cost can follow only an indicator linked to the gap (an indicator that measures it). */
function checkFrequencyIndicator(ws: Workspace, gapId: string, indicatorId: string | null | undefined) {
  if (!indicatorId) return;
  const ind = requireLive(ws.db, 'indicators', indicatorId, 'frequencyIndicatorId');
  const linked = ws.db.prepare(`SELECT 1 FROM indicator_links WHERE gap_id = ? AND indicator_id = ? AND deleted_at IS NULL`).get(gapId, indicatorId);
  if (!linked) throw BoucleError.of('validation', 'gap.frequency_indicator_not_linked', { name: String(ind.name) }, 'frequencyIndicatorId');
}

export function createGap(ws: Workspace, input: z.output<typeof S.gapCreate>): Gap {
  const proc = requireLive(ws.db, 'processes', input.processId, 'processId');
  checkStep(ws, input.processId, input.stepId);
  const id = ws.writer.write((tx) =>
    tx.insert('gaps', {
      ...toColumns(input),
      found_on: input.foundOn ?? todayIso(),
      cost_estimated_on: todayIso(),
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
  checkFrequencyIndicator(ws, input.id, input.frequencyIndicatorId);
  // A new estimate of the frequency or the hours lost is dated, so the cost can say how old it is.
  const reestimated =
    (input.frequencyPerMonth !== undefined && input.frequencyPerMonth !== gap.frequency_per_month) ||
    (input.hoursLostPerOccurrence !== undefined && input.hoursLostPerOccurrence !== gap.hours_lost_per_occurrence);
  ws.writer.write((tx) => {
    // "open" means "not dismissed": the links decide between open and addressing (status-rules.ts).
    const status = input.status === 'open' ? statusFromLinks(tx.db, input.id) : input.status;
    tx.update('gaps', input.id, { ...toColumns({ ...input, status }), ...(reestimated ? { cost_estimated_on: todayIso() } : {}) });
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
