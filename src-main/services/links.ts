import type { z } from 'zod';
import { BoucleError } from '../../src-shared/errors';
import type * as S from '../../src-shared/schemas/links';
import type { Workspace } from '../core/workspace';
import { rowToDto, type Row } from '../db/entities';
import { syncGapStatus } from './gap-workflow/status-rules';
import { getDto, requireLive } from './store';

// Links between gaps, interventions and indicators. Linking or unlinking an intervention recomputes
// the gap's open/addressing status in the same transaction (gap-workflow/status-rules.ts).

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

function indicatorLinkColumn(target: 'gap' | 'intervention') {
  return target === 'gap' ? 'gap_id' : 'intervention_id';
}

export function addIndicatorLink(ws: Workspace, input: z.output<typeof S.indicatorLink>): S.IndicatorLinkRow {
  const ind = requireLive(ws.db, 'indicators', input.indicatorId, 'indicatorId');
  requireLive(ws.db, input.target === 'gap' ? 'gaps' : 'interventions', input.targetId, 'targetId');
  const col = indicatorLinkColumn(input.target);
  const existing = ws.db
    .prepare(`SELECT id FROM indicator_links WHERE indicator_id = ? AND ${col} = ? AND deleted_at IS NULL`)
    .pluck()
    .get(input.indicatorId, input.targetId) as string | undefined;
  if (existing) return getDto(ws.db, 'indicator_links', existing);
  const id = ws.writer.write((tx) =>
    tx.insert('indicator_links', {
      indicator_id: input.indicatorId,
      [col]: input.targetId,
      department_id: ind.department_id as string,
    }),
  );
  return getDto(ws.db, 'indicator_links', id);
}

export function removeIndicatorLink(ws: Workspace, input: z.output<typeof S.indicatorLink>): { ok: true } {
  const col = indicatorLinkColumn(input.target);
  const id = ws.db
    .prepare(`SELECT id FROM indicator_links WHERE indicator_id = ? AND ${col} = ? AND deleted_at IS NULL`)
    .pluck()
    .get(input.indicatorId, input.targetId) as string | undefined;
  if (!id) throw BoucleError.of('not_found', 'link.not_linked');
  ws.writer.write((tx) => tx.remove('indicator_links', id));
  return { ok: true };
}

export function listIndicatorLinks(ws: Workspace, q: z.output<typeof S.linkList>): S.IndicatorLinkRow[] {
  const rows = ws.db
    .prepare(
      `SELECT * FROM indicator_links WHERE deleted_at IS NULL
         AND (? IS NULL OR indicator_id = ?) AND (? IS NULL OR gap_id = ?) AND (? IS NULL OR intervention_id = ?)
       ORDER BY created_at, id`,
    )
    .all(
      q.indicatorId ?? null, q.indicatorId ?? null,
      q.gapId ?? null, q.gapId ?? null,
      q.interventionId ?? null, q.interventionId ?? null,
    ) as Row[];
  return rows.map((r) => rowToDto('indicator_links', r));
}
