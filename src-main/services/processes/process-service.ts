import type { z } from 'zod';
import type * as S from '../../../src-shared/processes/schemas';
import type { Workspace } from '../../db/workspace';
import { getDto, listPage, requireLive, toColumns } from '../../db/read';
import { prepared } from '../../db/statements';

type Proc = S.Process;

export function createProcess(ws: Workspace, input: z.output<typeof S.processCreate>): Proc {
  requireLive(ws.db, 'departments', input.departmentId, 'departmentId');
  const id = ws.writer.write((tx) =>
    tx.insert('processes', { ...toColumns(input, ['departmentId']), department_id: input.departmentId }),
  );
  return getDto<Proc>(ws.db, 'processes', id);
}

export function updateProcess(ws: Workspace, input: z.output<typeof S.processUpdate>): Proc {
  requireLive(ws.db, 'processes', input.id);
  ws.writer.write((tx) => tx.update('processes', input.id, toColumns(input)));
  return getDto<Proc>(ws.db, 'processes', input.id);
}

/** A process takes its steps, flows, its gaps (with their links) and its indicator links with it. */
export function deleteProcess(ws: Workspace, id: string): { ok: true } {
  requireLive(ws.db, 'processes', id);
  ws.writer.write((tx) => {
    const ids = (sql: string) => ws.db.prepare(sql).pluck().all(id) as string[];
    for (const l of ids(`SELECT l.id FROM gap_interventions l JOIN gaps g ON g.id = l.gap_id
                         WHERE g.process_id = ? AND l.deleted_at IS NULL`)) tx.remove('gap_interventions', l);
    for (const l of ids(`SELECT l.id FROM indicator_links l JOIN gaps g ON g.id = l.gap_id
                         WHERE g.process_id = ? AND l.deleted_at IS NULL`)) tx.remove('indicator_links', l);
    for (const g of ids(`SELECT id FROM gaps WHERE process_id = ? AND deleted_at IS NULL`)) tx.remove('gaps', g);
    for (const f of ids(`SELECT id FROM step_flows WHERE process_id = ? AND deleted_at IS NULL`)) tx.remove('step_flows', f);
    for (const s of ids(`SELECT id FROM steps WHERE process_id = ? AND deleted_at IS NULL`)) tx.remove('steps', s);
    for (const i of ids(`SELECT id FROM indicators WHERE process_id = ? AND deleted_at IS NULL`)) {
      tx.update('indicators', i, { process_id: null });
    }
    tx.remove('processes', id);
  });
  return { ok: true };
}

export const getProcess = (ws: Workspace, id: string) => getDto<Proc>(ws.db, 'processes', id);

export function listProcesses(ws: Workspace, q: z.output<typeof S.processList>) {
  return listPage<Proc>(ws.db, 'processes', {
    where: { department_id: q.departmentId },
    search: { columns: ['name', 'description', 'reference_id'], text: q.search },
    orderBy: 'name COLLATE NOCASE, id',
    limit: q.limit,
    offset: q.offset,
  });
}

/** One grouped read for the whole list instead of two counting calls per process. */
export function processCounts(ws: Workspace, q: z.output<typeof S.processCounts>): S.ProcessCount[] {
  return prepared(
    ws.db,
    `SELECT p.id AS processId,
            (SELECT COUNT(*) FROM steps s WHERE s.process_id = p.id AND s.deleted_at IS NULL) AS steps,
            (SELECT COUNT(*) FROM gaps g WHERE g.process_id = p.id AND g.deleted_at IS NULL AND g.status IN ('open', 'addressing')) AS openGaps
       FROM processes p
      WHERE p.deleted_at IS NULL AND (? IS NULL OR p.department_id = ?)`,
  ).all(q.departmentId ?? null, q.departmentId ?? null) as S.ProcessCount[];
}
