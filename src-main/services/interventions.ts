import type { z } from 'zod';
import { BoucleError } from '../../src-shared/errors';
import type * as S from '../../src-shared/schemas/interventions';
import type { Workspace } from '../core/workspace';
import { getDto, listPage, requireLive, toColumns } from './store';

type Itv = S.Intervention;

function checkDates(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) throw new BoucleError('validation', 'The end comes before the start', 'endDate');
}

export function createIntervention(ws: Workspace, input: z.output<typeof S.interventionCreate>): Itv {
  requireLive(ws.db, 'departments', input.departmentId, 'departmentId');
  checkDates(input.startDate, input.endDate);
  const id = ws.writer.write((tx) =>
    tx.insert('interventions', { ...toColumns(input, ['departmentId']), department_id: input.departmentId }),
  );
  return getDto<Itv>(ws.db, 'interventions', id);
}

export function updateIntervention(ws: Workspace, input: z.output<typeof S.interventionUpdate>): Itv {
  const row = requireLive(ws.db, 'interventions', input.id);
  checkDates(
    input.startDate === undefined ? (row.start_date as string | null) : input.startDate,
    input.endDate === undefined ? (row.end_date as string | null) : input.endDate,
  );
  ws.writer.write((tx) => tx.update('interventions', input.id, toColumns(input)));
  return getDto<Itv>(ws.db, 'interventions', input.id);
}

export function deleteIntervention(ws: Workspace, id: string): { ok: true } {
  requireLive(ws.db, 'interventions', id);
  ws.writer.write((tx) => {
    for (const table of ['gap_interventions', 'indicator_links'] as const) {
      const links = ws.db
        .prepare(`SELECT id FROM ${table} WHERE intervention_id = ? AND deleted_at IS NULL`)
        .pluck()
        .all(id) as string[];
      for (const l of links) tx.remove(table, l);
    }
    tx.remove('interventions', id);
  });
  return { ok: true };
}

export const getIntervention = (ws: Workspace, id: string) => getDto<Itv>(ws.db, 'interventions', id);

export function listInterventions(ws: Workspace, q: z.output<typeof S.interventionList>) {
  return listPage<Itv>(ws.db, 'interventions', {
    where: { department_id: q.departmentId, status: q.status },
    extra: q.gapId
      ? [{ sql: `id IN (SELECT intervention_id FROM gap_interventions WHERE gap_id = ? AND deleted_at IS NULL)`, params: [q.gapId] }]
      : [],
    orderBy: 'COALESCE(start_date, created_at) DESC, id DESC',
    limit: q.limit,
    offset: q.offset,
  });
}
