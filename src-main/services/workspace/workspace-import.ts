import { BoucleError } from '../../../src-shared/errors';
import type { Workspace } from '../../db/workspace';
import { ENTITIES, snake, type EntityName, type Row } from '../../db/entities';
import { SECTIONS, describeCounts, liveCounts, totalRows } from './workspace-json';
import { WorkspaceJsonError, type ImportProblem, type ValidWorkspaceJson } from './workspace-json-checks';

// `boucle import-json`: a checked workspace file (workspace-json-checks.ts) loaded into an empty workspace.

/** The row as write-path values: snake_case columns, its department, its original timestamps. */
function rowToValues(entity: EntityName, row: Row): Row & { department_id: string } {
  const values: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'id' || k === 'departmentId' || v === undefined) continue;
    values[snake(k)] = v;
  }
  return { ...values, department_id: entity === 'departments' ? '' : (row.departmentId as string) };
}

/**
 * Loads a validated file into an EMPTY workspace, keeping ids and timestamps, in one transaction of
 * the write path (so every field is in the change log). Refuses a workspace that holds anything, and
 * ids that a soft-deleted row of this workspace already has. Returns the rows written per section.
 */
export function importWorkspace(ws: Workspace, file: ValidWorkspaceJson): Record<string, number> {
  const counts = liveCounts(ws);
  if (totalRows(counts) > 0) {
    throw new BoucleError(
      'conflict',
      `This workspace is not empty (${describeCounts(counts)}): a workspace file is only imported into an empty workspace`,
    );
  }
  const problems: ImportProblem[] = [];
  for (const s of SECTIONS) {
    const exists = ws.db.prepare(`SELECT 1 FROM ${ENTITIES[s.entity].table} WHERE id = ?`).pluck();
    file.sections[s.key]?.forEach((row, index) => {
      if (exists.get(row.id)) problems.push({ section: s.key, index, field: 'id', message: 'A deleted row of this workspace already has this id' });
    });
  }
  if (problems.length) throw new WorkspaceJsonError(problems);

  const written: Record<string, number> = {};
  try {
    ws.writer.write((tx) => {
      // Rows may point at rows of a later section (or, like sub-steps, of a later position in the
      // same one): foreign keys are checked once, at commit.
      tx.db.pragma('defer_foreign_keys = ON');
      for (const s of SECTIONS) {
        const rows = file.sections[s.key] ?? [];
        rows.forEach((row, index) => {
          try {
            tx.insert(s.entity, rowToValues(s.entity, row), row.id as string);
          } catch (e) {
            throw new WorkspaceJsonError([{ section: s.key, index, message: (e as Error).message }]);
          }
        });
        written[s.key] = rows.length;
      }
    });
  } catch (e) {
    if (e instanceof BoucleError) throw e;
    // A deferred foreign key fails at commit, without a row to name.
    throw new WorkspaceJsonError([{ message: `The database refused the rows: ${(e as Error).message}` }]);
  }
  return written;
}
