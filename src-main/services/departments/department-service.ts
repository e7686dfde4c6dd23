import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type * as S from '../../../src-shared/departments/schemas';
import type { Workspace } from '../../db/workspace';
import { getDto, listPage, toColumns } from '../../db/read';
import { CHILD_TABLES } from './cascade';

type Dep = S.Department;

function assertCodeFree(ws: Workspace, code: string, exceptId?: string) {
  const clash = ws.db
    .prepare(`SELECT id FROM departments WHERE code = ? COLLATE NOCASE AND deleted_at IS NULL AND id IS NOT ?`)
    .get(code, exceptId ?? null);
  if (clash) throw BoucleError.of('conflict', 'department.code_clash', { code }, 'code');
}

export function createDepartment(ws: Workspace, input: z.output<typeof S.departmentCreate>): Dep {
  assertCodeFree(ws, input.code);
  const id = ws.writer.write((tx) => tx.insert('departments', { ...toColumns(input), department_id: '' }));
  return getDto<Dep>(ws.db, 'departments', id);
}

export function updateDepartment(ws: Workspace, input: z.output<typeof S.departmentUpdate>): Dep {
  getDto<Dep>(ws.db, 'departments', input.id);
  if (input.code) assertCodeFree(ws, input.code, input.id);
  ws.writer.write((tx) => tx.update('departments', input.id, toColumns(input)));
  return getDto<Dep>(ws.db, 'departments', input.id);
}

/** Deleting a department deletes (softly, so it can be undone and synced) everything in it. */
export function deleteDepartment(ws: Workspace, id: string): { ok: true } {
  getDto<Dep>(ws.db, 'departments', id);
  ws.writer.write((tx) => {
    for (const entity of CHILD_TABLES) {
      const ids = ws.db
        .prepare(`SELECT id FROM ${entity} WHERE department_id = ? AND deleted_at IS NULL`)
        .pluck()
        .all(id) as string[];
      for (const rowId of ids) tx.remove(entity, rowId);
    }
    tx.remove('departments', id);
  });
  return { ok: true };
}

export const getDepartment = (ws: Workspace, id: string) => getDto<Dep>(ws.db, 'departments', id);

export function listDepartments(ws: Workspace, q: z.output<typeof S.departmentList>) {
  return listPage<Dep>(ws.db, 'departments', {
    search: { columns: ['name', 'code'], text: q.search },
    orderBy: 'name COLLATE NOCASE, id',
    limit: q.limit,
    offset: q.offset,
  });
}
