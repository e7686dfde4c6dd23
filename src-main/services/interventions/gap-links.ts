import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as S from '../../../src-shared/interventions/links';
import type { Workspace } from '../../db/workspace';
import { rowToDto, type Row } from '../../db/entities';
import { syncGapStatus } from '../gaps/status-rules';
import { getDto, requireLive } from '../../db/read';

// Links between gaps and the interventions that close them. Linking or unlinking an intervention
// recomputes the gap's open/addressing status in the same transaction (gaps/status-rules.ts).

export function addGapIntervention(ws: Workspace, input: z.output<typeof S.gapInterventionLink>): S.GapIntervention {
  const gap = requireLive(ws.db, 'gaps', input.gapId, 'gapId');
  requireLive(ws.db, 'interventions', input.interventionId, 'interventionId');
  const existing = ws.db
    .prepare(`SELECT id FROM gap_interventions WHERE gap_id = ? AND intervention_id = ? AND deleted_at IS NULL`)
    .pluck()
    .get(input.gapId, input.interventionId) as string | undefined;
  if (existing) return getDto(ws.db, 'gap_interventions', existing);
  const id = ws.writer.write((tx) => {
    const linkId = tx.insert('gap_interventions', {
      gap_id: input.gapId,
      intervention_id: input.interventionId,
      department_id: gap.department_id as string,
    });
    syncGapStatus(tx, input.gapId);
    return linkId;
  });
  return getDto(ws.db, 'gap_interventions', id);
}

export function removeGapIntervention(ws: Workspace, input: z.output<typeof S.gapInterventionLink>): { ok: true } {
  const id = ws.db
    .prepare(`SELECT id FROM gap_interventions WHERE gap_id = ? AND intervention_id = ? AND deleted_at IS NULL`)
    .pluck()
    .get(input.gapId, input.interventionId) as string | undefined;
  if (!id) throw BoucleError.of('not_found', 'link.not_linked', undefined, 'interventionId');
  ws.writer.write((tx) => {
    tx.remove('gap_interventions', id);
    syncGapStatus(tx, input.gapId);
  });
  return { ok: true };
}

export function listGapInterventions(ws: Workspace, q: z.output<typeof S.linkList>): S.GapIntervention[] {
  const rows = ws.db
    .prepare(
      `SELECT * FROM gap_interventions WHERE deleted_at IS NULL
         AND (? IS NULL OR gap_id = ?) AND (? IS NULL OR intervention_id = ?) ORDER BY created_at, id`,
    )
    .all(q.gapId ?? null, q.gapId ?? null, q.interventionId ?? null, q.interventionId ?? null) as Row[];
  return rows.map((r) => rowToDto('gap_interventions', r));
}
