import type { HistoryPage } from '../../../src-shared/history/schemas';
import type { Workspace } from '../../db/workspace';
import { prepared } from '../../db/statements';

// The names of the rows a history points at (a gap's step and process, a step's parent sub-process,
// a department…), so the history reads "Process: Procure-to-pay", never an id. Deleted rows keep
// their name: a step deleted since is still the step the gap was on.

/** Fields holding the id of another row → the table and its name column. */
const NAMED: Record<string, { table: string; column: string }> = {
  departmentId: { table: 'departments', column: 'name' },
  processId: { table: 'processes', column: 'name' },
  stepId: { table: 'steps', column: 'name' },
  parentStepId: { table: 'steps', column: 'name' },
  fromStepId: { table: 'steps', column: 'name' },
  toStepId: { table: 'steps', column: 'name' },
  gapId: { table: 'gaps', column: 'title' },
  interventionId: { table: 'interventions', column: 'title' },
  indicatorId: { table: 'indicators', column: 'name' },
};

export interface RowName {
  name: string;
  deleted: boolean;
}

/** id → name (and whether that row is deleted) of every id a field of the page's entries holds. */
export function historyNames(ws: Workspace, page: HistoryPage): Record<string, RowName> {
  const wanted = new Map<string, Set<string>>(); // table → ids
  for (const e of page.entries) {
    for (const c of e.changes) {
      if (c.kind !== 'field') continue;
      const spec = NAMED[c.field];
      if (!spec) continue;
      for (const v of [c.oldValue, c.newValue]) {
        if (typeof v === 'string' && v) (wanted.get(spec.table) ?? wanted.set(spec.table, new Set()).get(spec.table)!).add(v);
      }
    }
  }
  const names: Record<string, RowName> = {};
  for (const [table, ids] of wanted) {
    const column = Object.values(NAMED).find((s) => s.table === table)!.column;
    const rows = prepared(
      ws.db,
      `SELECT id, ${column} AS name, deleted_at FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify([...ids])) as { id: string; name: string; deleted_at: string | null }[];
    for (const r of rows) names[r.id] = { name: r.name, deleted: r.deleted_at !== null };
  }
  return names;
}
