import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as S from '../../../src-shared/indicators/schemas';
import { aggregationForUnit } from '../../../src-shared/indicators/aggregation';
import type { Workspace } from '../../db/workspace';
import { getDto, listPage, requireLive, toColumns } from '../../db/read';

type Ind = S.Indicator;

function checkProcess(ws: Workspace, departmentId: string, processId: string | null | undefined) {
  if (!processId) return;
  const proc = requireLive(ws.db, 'processes', processId, 'processId');
  if (proc.department_id !== departmentId) {
    throw BoucleError.of('validation', 'indicator.process_other_department', undefined, 'processId');
  }
}

export function createIndicator(ws: Workspace, input: z.output<typeof S.indicatorCreate>): Ind {
  requireLive(ws.db, 'departments', input.departmentId, 'departmentId');
  checkProcess(ws, input.departmentId, input.processId);
  const id = ws.writer.write((tx) =>
    tx.insert('indicators', {
      ...toColumns(input, ['departmentId']),
      department_id: input.departmentId,
      aggregation: input.aggregation ?? aggregationForUnit(input.unit),
    }),
  );
  return getDto<Ind>(ws.db, 'indicators', id);
}

export function updateIndicator(ws: Workspace, input: z.output<typeof S.indicatorUpdate>): Ind {
  const row = requireLive(ws.db, 'indicators', input.id);
  checkProcess(ws, row.department_id as string, input.processId);
  ws.writer.write((tx) => tx.update('indicators', input.id, toColumns(input)));
  return getDto<Ind>(ws.db, 'indicators', input.id);
}

export function deleteIndicator(ws: Workspace, id: string): { ok: true } {
  requireLive(ws.db, 'indicators', id);
  ws.writer.write((tx) => {
    for (const table of ['measurements', 'indicator_links'] as const) {
      const ids = ws.db.prepare(`SELECT id FROM ${table} WHERE indicator_id = ? AND deleted_at IS NULL`).pluck().all(id) as string[];
      for (const r of ids) tx.remove(table, r);
    }
    // A benefit model may cite the indicator as its evidence; the model stays, without the citation.
    const models = ws.db.prepare(`SELECT id FROM benefit_models WHERE indicator_id = ? AND deleted_at IS NULL`).pluck().all(id) as string[];
    for (const m of models) tx.update('benefit_models', m, { indicator_id: null });
    tx.remove('indicators', id);
  });
  return { ok: true };
}

export const getIndicator = (ws: Workspace, id: string) => getDto<Ind>(ws.db, 'indicators', id);

export function listIndicators(ws: Workspace, q: z.output<typeof S.indicatorList>) {
  return listPage<Ind>(ws.db, 'indicators', {
    where: { department_id: q.departmentId, process_id: q.processId },
    orderBy: 'name COLLATE NOCASE, id',
    limit: q.limit,
    offset: q.offset,
  });
}
