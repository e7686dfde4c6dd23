import { BoucleError } from '../../../src-shared/errors';
import type { SyncConflict } from '../../../src-shared/sync/schemas';
import { ENTITIES, type EntityName } from '../../db/entities';
import { hlcFromInt } from '../../db/hlc';
import type { Workspace } from '../../db/workspace';

// Two people changed the same text field of one row while offline: the sync kept the last writer's
// words on the row and the other's beside it (sync_conflicts). A person reads both and chooses. The
// choice is an ordinary change through the write path, so it syncs, shows in history, and clears
// the same conflict on the other laptops (they see an edit made on top of the value they kept).

interface Raw {
  id: number;
  entity: string;
  row_id: string;
  field: string;
  kept_value: string | null;
  kept_hlc: number;
  kept_by: string | null;
  lost_value: string | null;
  lost_hlc: number;
  lost_by: string | null;
  detected_at: string;
}

const at = (hlc: number) => new Date(hlcFromInt(hlc).ms).toISOString();
const parse = (v: string | null) => (v === null ? null : (JSON.parse(v) as unknown));

function labelOf(ws: Workspace, entity: string, id: string): string | null {
  if (!(entity in ENTITIES)) return null;
  const def = ENTITIES[entity as EntityName];
  const col = (['title', 'name', 'label', 'code'] as const).find((c) => (def.columns as readonly string[]).includes(c));
  if (!col) return null;
  return (ws.db.prepare(`SELECT ${col} FROM ${def.table} WHERE id = ?`).pluck().get(id) as string | undefined) ?? null;
}

export function listConflicts(ws: Workspace): SyncConflict[] {
  const rows = ws.db.prepare('SELECT * FROM sync_conflicts ORDER BY detected_at DESC, id DESC').all() as Raw[];
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    rowId: r.row_id,
    rowLabel: labelOf(ws, r.entity, r.row_id),
    field: r.field,
    kept: { value: parse(r.kept_value), by: r.kept_by, at: at(r.kept_hlc) },
    lost: { value: parse(r.lost_value), by: r.lost_by, at: at(r.lost_hlc) },
    detectedAt: r.detected_at,
  }));
}

export function resolveConflict(ws: Workspace, input: { id: number; keep: 'kept' | 'lost' }): { ok: true } {
  const c = ws.db.prepare('SELECT * FROM sync_conflicts WHERE id = ?').get(input.id) as Raw | undefined;
  if (!c) throw BoucleError.of('not_found', 'sync.conflictUnknown', {}, 'id');
  ws.writer.write((tx) => {
    if (input.keep === 'lost' && c.entity in ENTITIES) tx.update(c.entity as EntityName, c.row_id, { [c.field]: parse(c.lost_value) });
    tx.db.prepare('DELETE FROM sync_conflicts WHERE entity = ? AND row_id = ? AND field = ?').run(c.entity, c.row_id, c.field);
  });
  return { ok: true };
}
