import type { WireChange } from '../../../src-shared/sync/protocol';
import { ownEntries, ownOfDepartment, type OutgoingChange } from '../../db/outbox';
import type { Workspace } from '../../db/workspace';
import type { SyncHttp } from './http';
import { readSettings, syncDepartments, writeSettings } from './state';

// Pushing this laptop's own changes, oldest first, in batches. A batch is accepted whole or refused
// whole by the server, and a change is known there by (node, clock): a batch sent again after a lost
// answer is a no-op, so the cursor only moves once the server said yes. Changes of a department this
// user may not write (no grant, revoked, or not shared from this laptop) are held back: the cursor
// passes them, sync_departments.held_from remembers where, and they go once a write grant comes.

export const PUSH_BATCH = 5000;

export interface PushProgress {
  pushed: number;
  duplicates: number;
}

export interface PushScope {
  /** Upper-case codes this user may write, from the session. */
  writable: Set<string>;
  onProgress?: (sent: number) => void;
}

const toWire = (c: OutgoingChange): WireChange => {
  const w: WireChange = { tx: c.tx, pos: c.pos, node: c.node, hlc: c.hlc, entity: c.entity, row: c.row, dep: c.dep, op: c.op, fields: c.fields };
  if (c.base) w.base = c.base;
  return w;
};

function departmentCodes(ws: Workspace): Map<string, string> {
  const rows = ws.db.prepare('SELECT id, code FROM departments').all() as { id: string; code: string }[];
  const codes = new Map(rows.map((r) => [r.id, r.code.toUpperCase()]));
  for (const d of syncDepartments(ws.db)) if (!codes.has(d.id)) codes.set(d.id, d.code.toUpperCase());
  return codes;
}

/**
 * Per department whose own changes wait for a write grant (held_from set): its code and how many
 * changes wait. They are not sent, so a sync that leaves any is not a complete one (run.ts).
 */
export function heldBack(ws: Workspace): { id: string; code: string; changes: number }[] {
  const pushedSeq = readSettings(ws.db).pushedSeq ?? 0;
  let counted = heldCounts.get(ws.db);
  if (!counted) heldCounts.set(ws.db, (counted = new Map()));
  return syncDepartments(ws.db)
    .filter((d) => d.held_from !== null)
    .map((d) => {
      // The log only grows: what was counted up to a seq stays counted, and the next count starts
      // after it (counting from the start reads every entry since, 0.4 s per million).
      const c = counted.get(d.id);
      const again = !c || c.from !== d.held_from || c.upTo > pushedSeq;
      const from = again ? d.held_from! : c.upTo + 1;
      const changes = (again ? 0 : c.count) + (from <= pushedSeq ? ownOfDepartment(ws.db, ws.nodeId, d.id, from, pushedSeq) : 0);
      counted.set(d.id, { from: d.held_from!, upTo: pushedSeq, count: changes });
      return { id: d.id, code: d.code, changes };
    });
}

/** Per open database, per held department: its count of held changes and up to which seq it was taken. */
const heldCounts = new WeakMap<object, Map<string, { from: number; upTo: number; count: number }>>();

export async function pushAll(ws: Workspace, http: SyncHttp, scope: PushScope): Promise<PushProgress> {
  const progress: PushProgress = { pushed: 0, duplicates: 0 };
  const codes = departmentCodes(ws);
  const notShared = new Set(syncDepartments(ws.db).filter((d) => !d.shared).map((d) => d.id));
  const may = (dep: string | null) => dep !== null && !notShared.has(dep) && scope.writable.has(codes.get(dep) ?? '');
  // A department whose feed got only this batch's changes, right after what this laptop pulled of
  // it, holds nothing it does not have: its cursor moves there instead of pulling them back.
  const ownCursor = ws.db.prepare(`UPDATE sync_departments SET cursor = @upTo WHERE id = @id AND cursor = @after`);
  // a department this laptop created: the session lists it (and its access) after the push
  const ownNew = ws.db.prepare(`INSERT OR IGNORE INTO sync_departments (id, code, access, shared, cursor) VALUES (@id, @code, 'none', 1, @upTo)`);
  const send = async (batch: OutgoingChange[]) => {
    if (!batch.length) return;
    const r = await http.push({ node: ws.nodeId, changes: batch.map(toWire) });
    if (r.own?.length) {
      ws.db.transaction(() => {
        for (const o of r.own!) {
          if (ownCursor.run({ id: o.department, after: o.after, upTo: o.upTo }).changes === 0 && o.after === 0) {
            ownNew.run({ id: o.department, code: codes.get(o.department) ?? '?', upTo: o.upTo });
          }
        }
      })();
    }
    progress.pushed += r.accepted;
    progress.duplicates += r.duplicates;
    scope.onProgress?.(progress.pushed + progress.duplicates);
  };

  // first what was held back for departments that may now be written
  const pushedSeq = readSettings(ws.db).pushedSeq ?? 0;
  for (const d of syncDepartments(ws.db)) {
    if (d.held_from === null || !may(d.id)) continue;
    let from = d.held_from - 1;
    for (;;) {
      const batch = ownEntries(ws.db, ws.nodeId, from, PUSH_BATCH, d.id).filter((c) => c.seq <= pushedSeq);
      if (!batch.length) break;
      await send(batch);
      from = batch.at(-1)!.seq;
    }
    ws.db.prepare('UPDATE sync_departments SET held_from = NULL WHERE id = ?').run(d.id);
  }

  const hold = ws.db.prepare(
    `INSERT INTO sync_departments (id, code, access, shared, cursor, held_from) VALUES (?, ?, 'none', 1, 0, ?)
     ON CONFLICT (id) DO UPDATE SET held_from = min(coalesce(held_from, excluded.held_from), excluded.held_from)`,
  );
  let cursor = pushedSeq;
  for (;;) {
    const batch = ownEntries(ws.db, ws.nodeId, cursor, PUSH_BATCH);
    if (!batch.length) break;
    const ok = batch.filter((c) => may(c.dep));
    await send(ok);
    ws.db.transaction(() => {
      for (const c of batch) {
        if (may(c.dep)) continue;
        const dep = c.dep ?? 'none';
        hold.run(dep, codes.get(dep) ?? '?', c.seq);
      }
      writeSettings(ws.db, { pushedSeq: batch.at(-1)!.seq });
    })();
    cursor = batch.at(-1)!.seq;
  }
  return progress;
}
