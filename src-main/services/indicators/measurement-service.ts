import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as S from '../../../src-shared/indicators/measurements';
import type { Workspace } from '../../db/workspace';
import { getDto, listPage, requireLive, toColumns } from '../../db/read';

type Mea = S.Measurement;

function assertPeriodFree(ws: Workspace, indicatorId: string, period: string, exceptId?: string) {
  const clash = ws.db
    .prepare(`SELECT id FROM measurements WHERE indicator_id = ? AND period = ? AND deleted_at IS NULL AND id IS NOT ?`)
    .get(indicatorId, period, exceptId ?? null);
  if (clash) throw BoucleError.of('conflict', 'measurement.exists', { period }, 'period');
}

export function createMeasurement(ws: Workspace, input: z.output<typeof S.measurementCreate>): Mea {
  const ind = requireLive(ws.db, 'indicators', input.indicatorId, 'indicatorId');
  assertPeriodFree(ws, input.indicatorId, input.period);
  const id = ws.writer.write((tx) =>
    tx.insert('measurements', { ...toColumns(input), department_id: ind.department_id as string }),
  );
  return getDto<Mea>(ws.db, 'measurements', id);
}

export function updateMeasurement(ws: Workspace, input: z.output<typeof S.measurementUpdate>): Mea {
  const row = requireLive(ws.db, 'measurements', input.id);
  if (input.period) assertPeriodFree(ws, row.indicator_id as string, input.period, input.id);
  ws.writer.write((tx) => tx.update('measurements', input.id, toColumns(input)));
  return getDto<Mea>(ws.db, 'measurements', input.id);
}

export function deleteMeasurement(ws: Workspace, id: string): { ok: true } {
  requireLive(ws.db, 'measurements', id);
  ws.writer.write((tx) => tx.remove('measurements', id));
  return { ok: true };
}

export const getMeasurement = (ws: Workspace, id: string) => getDto<Mea>(ws.db, 'measurements', id);

export function listMeasurements(ws: Workspace, q: z.output<typeof S.measurementList>) {
  return listPage<Mea>(ws.db, 'measurements', {
    where: { indicator_id: q.indicatorId, department_id: q.departmentId },
    extra: [
      ...(q.from ? [{ sql: 'period >= ?', params: [q.from] }] : []),
      ...(q.to ? [{ sql: 'period <= ?', params: [q.to] }] : []),
    ],
    orderBy: 'period, id',
    limit: q.limit,
    offset: q.offset,
  });
}
