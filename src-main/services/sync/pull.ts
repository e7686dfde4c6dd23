import { applyRemote } from '../../db/apply-remote';
import { ENTITIES, isCompact, type EntityDef, type EntityName } from '../../db/entities';
import type { Workspace } from '../../db/workspace';
import type { SyncHttp } from './http';

// Pulling one department: every change the server committed after this laptop's cursor, in the
// server's commit order, applied page by page, each page in one SQLite transaction together with
// the cursor that says it was applied. A cut connection or a killed app leaves a database where
// every page is either fully applied with its cursor or not at all: the next pull resumes there.
//
// The fail-safe: before applying anything, a pull that would take out more than half of the rows
// this laptop holds of the department waits for a person to confirm it.

export const PULL_PAGE = 2000;
/** Under this many local rows, a department is too small for the mass-delete question to mean anything. */
const FAILSAFE_MIN_ROWS = 10;

export interface PullOutcome {
  applied: number;
  conflicts: number;
  changes: number;
  /** The fail-safe stopped it: how many removals for how many local rows. */
  wouldRemove?: { removals: number; local: number };
}

/**
 * The live rows this laptop holds of `dep`, counted up to `cap`: the fail-safe only needs to know
 * whether they are fewer than twice the removals, and counting all of them would read every
 * measurement of the department (1.8 s for 2M) at each pull that removes anything. Measurements are
 * reached through the department's indicators (CROSS JOIN keeps that order: SQLite would otherwise
 * scan every measurement of the workspace and look up its indicator).
 */
export function localRows(ws: Workspace, dep: string, cap = Number.MAX_SAFE_INTEGER): number {
  let n = 0;
  for (const [name, def] of Object.entries(ENTITIES)) {
    if (name === 'departments' || n >= cap) continue;
    const rows = isCompact(name as EntityName)
      ? `SELECT 1 FROM indicators i CROSS JOIN indicator_keys k ON k.id = i.id CROSS JOIN measurement_rows m ON m.ind = k.num
          WHERE i.department_id = ? AND m.deleted_at IS NULL LIMIT ?`
      : `SELECT 1 FROM ${(def as EntityDef).table} WHERE department_id = ? AND deleted_at IS NULL LIMIT ?`;
    n += ws.db.prepare(`SELECT count(*) FROM (${rows})`).pluck().get(dep, cap - n) as number;
  }
  return n;
}

export async function pullDepartment(
  ws: Workspace,
  http: SyncHttp,
  dep: string,
  opts: { keeps: (dep: string) => boolean; confirm: boolean; onProgress?: (done: number, total: number) => void; from?: number },
): Promise<PullOutcome> {
  const cursor = opts.from ?? (ws.db.prepare('SELECT cursor FROM sync_departments WHERE id = ?').pluck().get(dep) as number | undefined) ?? 0;
  const stream = await http.pull(dep, cursor);
  const out: PullOutcome = { applied: 0, conflicts: 0, changes: stream.head.count };
  if (!opts.confirm && stream.head.removals > 0) {
    // past twice the removals, the exact number changes no answer (and is never shown)
    const local = localRows(ws, dep, Math.max(2 * stream.head.removals, FAILSAFE_MIN_ROWS));
    if (local >= FAILSAFE_MIN_ROWS && stream.head.removals > local / 2) {
      out.wouldRemove = { removals: stream.head.removals, local };
      return out;
    }
  }
  const setCursor = ws.db.prepare('UPDATE sync_departments SET cursor = ? WHERE id = ?');
  let done = 0;
  for await (const page of stream.pages(PULL_PAGE)) {
    const last = page.at(-1)!.ord;
    const r = applyRemote(ws, page, { keeps: opts.keeps, replay: opts.from === 0, alongside: () => setCursor.run(last, dep) });
    out.applied += r.applied;
    out.conflicts += r.conflicts;
    done += page.length;
    opts.onProgress?.(done, stream.head.count);
  }
  return out;
}
