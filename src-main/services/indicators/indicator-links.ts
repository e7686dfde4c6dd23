import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as S from '../../../src-shared/indicators/links';
import type { linkList } from '../../../src-shared/interventions/links';
import type { Workspace } from '../../db/workspace';
import { rowToDto, type Row } from '../../db/entities';
import { getDto, requireLive } from '../../db/read';

// Links of an indicator to the gaps and interventions it gives evidence for.

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

export function listIndicatorLinks(ws: Workspace, q: z.output<typeof linkList>): S.IndicatorLinkRow[] {
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
