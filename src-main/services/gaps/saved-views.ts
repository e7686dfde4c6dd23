import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type { SavedView, savedViewCreate, savedViewList, savedViewUpdate } from '../../../src-shared/gaps/saved-views';
import type { Workspace } from '../../db/workspace';
import { rowToDto, type Row } from '../../db/entities';
import { getDto, requireLive } from '../../db/read';

// Saved views of the register: a name, the filters of gaps.list and its sort, stored as a row of the
// department (so a view syncs with the department and other loop closers of it see it too). The
// filters were validated by the same schema as gaps.list's, so a view always reopens as it was saved.

/** Names are unique per department and entity, whatever the case ("Severe" and "severe" clash). */
function refuseNameClash(ws: Workspace, departmentId: string, entity: string, name: string, self: string | null): void {
  const clash = ws.db
    .prepare(
      `SELECT 1 FROM saved_views WHERE department_id = ? AND entity = ? AND name = ? COLLATE NOCASE AND deleted_at IS NULL
          AND (? IS NULL OR id <> ?)`,
    )
    .get(departmentId, entity, name, self, self);
  if (clash) throw BoucleError.of('conflict', 'views.name_clash', { name }, 'name');
}

export function createSavedView(ws: Workspace, input: z.output<typeof savedViewCreate>): SavedView {
  const departmentId = input.departmentId ?? input.filters.departmentId;
  if (!departmentId) {
    throw BoucleError.of('validation', 'views.choose_department', undefined, 'departmentId');
  }
  requireLive(ws.db, 'departments', departmentId, input.departmentId ? 'departmentId' : 'filters.departmentId');
  refuseNameClash(ws, departmentId, input.entity, input.name, null);
  const id = ws.writer.write((tx) =>
    tx.insert('saved_views', {
      name: input.name,
      entity: input.entity,
      filters: input.filters,
      sort_by: input.sortBy,
      sort_dir: input.sortDir,
      department_id: departmentId,
    }),
  );
  return getDto<SavedView>(ws.db, 'saved_views', id);
}

export function updateSavedView(ws: Workspace, input: z.output<typeof savedViewUpdate>): SavedView {
  const view = requireLive(ws.db, 'saved_views', input.id, 'id');
  if (input.name !== undefined) refuseNameClash(ws, view.department_id as string, view.entity as string, input.name, input.id);
  const values: Record<string, unknown> = {};
  if (input.name !== undefined) values.name = input.name;
  if (input.filters !== undefined) values.filters = input.filters;
  if (input.sortBy !== undefined) values.sort_by = input.sortBy;
  if (input.sortDir !== undefined) values.sort_dir = input.sortDir;
  // Only what really changed is logged (the write path compares with the stored row).
  ws.writer.write((tx) => tx.update('saved_views', input.id, values));
  return getDto<SavedView>(ws.db, 'saved_views', input.id);
}

export function listSavedViews(ws: Workspace, q: z.output<typeof savedViewList>): SavedView[] {
  const rows = ws.db
    .prepare(
      `SELECT v.* FROM saved_views v JOIN departments d ON d.id = v.department_id AND d.deleted_at IS NULL
        WHERE v.deleted_at IS NULL AND (? IS NULL OR v.entity = ?) AND (? IS NULL OR v.department_id = ?)
        ORDER BY v.name COLLATE NOCASE, v.id`,
    )
    .all(q.entity ?? null, q.entity ?? null, q.departmentId ?? null, q.departmentId ?? null) as Row[];
  return rows.map((r) => rowToDto<SavedView>('saved_views', r));
}

export function deleteSavedView(ws: Workspace, id: string): { ok: true } {
  requireLive(ws.db, 'saved_views', id, 'id');
  ws.writer.write((tx) => tx.remove('saved_views', id));
  return { ok: true };
}
